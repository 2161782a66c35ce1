// How a face names the options in what the application says (reasons a page is skipped, problems of a run): the
// application words its lines with these, so no face rewrites another face's messages.
import type { OptionId } from './run-options.js';

/** A face's names for the options of `run`. */
export interface Wording {
  /** The option as the face's users set it (`--step-timeout`; `globals.doctest.stepTimeout (or ISTIO_DOCTEST_STEP_TIMEOUT)`). */
  name(id: OptionId): string;
  /** How a user asks for a value of the option (`--scripts only`, `--all`; `globals.doctest.scripts: only`). `true`
   * turns a switch on; a placeholder such as `DIR` stands for any value. */
  setting(id: OptionId, value: string | true): string;
}
