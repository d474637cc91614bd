// Entry for `npm run dev` (tsx watch): the server without the UI build step.
import { main } from '../server/main'

await main()
