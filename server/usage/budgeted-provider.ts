import { OfflineProvider } from '../llm/offline-provider'
import type { EmbedResult, GenerateRequest, GenerateResult, LlmProvider } from '../llm/provider'
import { refusalMessage, spentBudget, type BudgetScope, type BudgetStatus } from './budget'

export type BudgetRefusal = { scope: BudgetScope; month: string; message: string }

/** A model call refused because a budget is spent, where the offline engine cannot stand in (embeddings). */
export class BudgetSpent extends Error {}

/**
 * The model provider of one user's work, held to their monthly budgets: before each call the
 * month's spend is read; when a budget is spent the call is refused (and reported through
 * `onRefused`), and the offline engine answers instead. Embeddings have no offline stand-in,
 * so they fail with the reason.
 */
export class BudgetedProvider implements LlmProvider {
  readonly refusals: BudgetRefusal[] = []
  readonly embed?: (texts: string[]) => Promise<EmbedResult>
  private readonly offline = new OfflineProvider()

  constructor(
    private readonly inner: LlmProvider,
    private readonly status: () => Promise<BudgetStatus>,
    private readonly onRefused: (r: BudgetRefusal) => Promise<void>,
  ) {
    const embed = inner.embed?.bind(inner)
    if (embed) {
      this.embed = async (texts) => {
        const refused = await this.refusal()
        if (refused)
          throw new BudgetSpent(
            `${refused.message}: semantic clustering needs the model's embeddings (use lexical, or raise the budget in the policy)`,
          )
        return embed(texts)
      }
    }
  }

  get engine() {
    return this.inner.engine
  }

  get model() {
    return this.inner.model
  }

  async generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>> {
    if (this.inner.engine === 'offline') return this.inner.generate(req)
    return (await this.refusal()) ? this.offline.generate(req) : this.inner.generate(req)
  }

  private async refusal(): Promise<BudgetRefusal | null> {
    const status = await this.status()
    const spent = spentBudget(status)
    if (!spent) return null
    const refusal = { scope: spent, month: status.month, message: refusalMessage(spent, status.month) }
    this.refusals.push(refusal)
    await this.onRefused(refusal)
    return refusal
  }
}
