import type { enquiryStatus } from "../db/schema.js";
import { invalidTransition } from "./workflow-errors.js";

export type EnquiryState = (typeof enquiryStatus.enumValues)[number];
export type EnquiryAction = "rate" | "decide" | "close";

/**
 * The enquiry's life: OPEN → RATED → DECIDED → CLOSED. Re-rating stays RATED (ratings change as
 * information arrives). A decision needs a rating first, because the rating is what set the
 * checks' deadline; nothing leaves CLOSED.
 */
const TRANSITIONS: Record<EnquiryAction, { from: readonly EnquiryState[]; to: EnquiryState }> = {
  rate: { from: ["open", "rated"], to: "rated" },
  decide: { from: ["rated"], to: "decided" },
  close: { from: ["decided"], to: "closed" },
};

/** The state an action leads to from `current`; INVALID_TRANSITION when it is not allowed. */
export function nextState(current: EnquiryState, action: EnquiryAction): EnquiryState {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw invalidTransition(
      `An enquiry that is ${current.toUpperCase()} cannot be ${PAST_TENSE[action]}.`,
      current,
      action.toUpperCase(),
    );
  }
  return transition.to;
}

const PAST_TENSE: Record<EnquiryAction, string> = {
  rate: "rated",
  decide: "decided",
  close: "closed",
};

/** States in which an enquiry is still being worked: a purpose may be declared for it. */
export const ACTIVE_STATES: readonly EnquiryState[] = ["open", "rated"];
