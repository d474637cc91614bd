import type { Draft } from '../../../../contracts/runs'
import type { Translate } from '../../i18n'

/**
 * Who wrote a version, in a few words: the offline engine, a model, or the writer's own edit.
 * The history list knows only the engine; the model's name is added where the full draft is at hand.
 */
export function engineLabel(engine: Draft['engine'], t: Translate, model?: string): string {
  if (engine === 'openai' && model) return t('engine.openaiNamed', { model })
  return t(`engine.${engine}`)
}
