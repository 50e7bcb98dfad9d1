/**
 * The 3x5x2 source evaluation as the database keeps it (`intelligence_item.source_evaluation`): a
 * numeric grade per SDL enum value. Police's one exception to the lower-case enum rule, so both the
 * resolvers (which hand it to GraphQL) and codegen.ts (which types the enum as these numbers) use it.
 */
export const SOURCE_EVALUATION_GRADES = { RELIABLE: 1, UNTESTED: 2, NOT_RELIABLE: 3 } as const;
