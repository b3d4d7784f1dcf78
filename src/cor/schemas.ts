import { z } from 'zod';

/**
 * Zod schemas for every COR answer the bot reads. Lenient where COR is: numbers arrive as strings,
 * nullable fields are sometimes missing, task statuses can be a tenant's own. Unknown keys are dropped.
 */

/** A number that COR may send as "12" or "2.0000000000000000". */
const looseNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

const looseInt = looseNumber.pipe(z.number().int());
const optionalText = z.string().nullish().transform((v) => v ?? undefined);
const looseBool = z.union([z.boolean(), z.number().transform((n) => n !== 0)]);

/** Token answers come flat (spec) or nested (seen from /auth/login): both become one shape. */
export const flatTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: looseNumber.optional(),
  refresh_token: z.string().nullish(),
});

export const nestedTokenSchema = z.object({
  token: z.object({
    access_token: z.string().min(1),
    type: z.string().optional(),
    refreshToken: z.string().nullish(),
    expirationTime: looseNumber.optional(),
  }),
});

/** GET /projects/{project_id}/collaborators: the people on a project. */
export const projectCollaboratorSchema = z.object({ id: looseInt, first_name: z.string().nullish(), last_name: z.string().nullish() });
export type CorProjectCollaborator = z.infer<typeof projectCollaboratorSchema>;

export const leaveSchema = z.object({
  id: looseInt,
  user_id: looseInt,
  leave_type_id: looseInt.nullish(),
  start: z.string(),
  end: z.string(),
  all_day: looseBool.nullish().transform((v) => v ?? false),
  deleted_at: z.string().nullish(),
  leaveType: z.object({ id: looseInt, name: z.string() }).nullish(),
});
export type CorLeave = z.infer<typeof leaveSchema>;

export const userSchema = z.object({
  id: looseInt,
  first_name: z.string().nullish().transform((v) => v ?? ''),
  last_name: z.string().nullish().transform((v) => v ?? ''),
  email: optionalText,
  role_id: looseInt.nullish(),
  daily_hours: looseNumber.nullish(),
  remaining_hours: looseNumber.nullish(),
  gmt: optionalText,
  hidden: looseBool.nullish(),
  picture: optionalText,
  leaves: z.array(leaveSchema).nullish(),
});
export type CorUser = z.infer<typeof userSchema>;

const pageMeta = {
  total: looseInt.optional(),
  perPage: looseInt.optional(),
  page: looseInt.optional(),
  lastPage: looseInt.optional(),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ ...pageMeta, data: z.array(item) });
}
export type CorPage<T> = { total?: number; perPage?: number; page?: number; lastPage?: number; data: T[] };

const clientRefSchema = z.object({ id: looseInt, name: z.string() });
const projectRefSchema = z.object({
  id: looseInt,
  name: z.string(),
  client_id: looseInt.nullish(),
  client: clientRefSchema.nullish(),
});

export const taskSchema = z.object({
  id: looseInt,
  title: z.string(),
  project_id: looseInt.nullish(),
  description: z.string().nullish(),
  deadline: z.string().nullish(),
  /** COR's four (nueva, en_proceso, estancada, finalizada) or a tenant's custom one: kept as is. */
  status: z.string().nullish(),
  priority: looseInt.nullish(),
  archived: looseBool.nullish(),
  project: projectRefSchema.nullish(),
});
export type CorTask = z.infer<typeof taskSchema>;

/** A message on a task (`GET /tasks/{task_id}/messages`): the contract gives its id and text, not its author. */
export const taskMessageSchema = z.object({ id: looseInt, message: z.string().nullish() });
export type CorTaskMessage = z.infer<typeof taskMessageSchema>;

export const hourSchema = z.object({
  id: looseInt,
  start: z.string(),
  stop: z.string().nullish(),
  duration: looseNumber.nullish(),
  user_id: looseInt.nullish(),
  task_log_id: looseInt.nullish(),
  project_id: looseInt.nullish(),
  client_id: looseInt.nullish(),
  status: z.string().nullish(),
  comments: z.string().nullish(),
  /** whose entry: COR gives their zone, one of the two readings of `start` and `stop` (see shared/cor/NOTES.md) */
  user: z.object({ timezone: z.string().nullish(), first_name: z.string().nullish(), last_name: z.string().nullish() }).nullish().catch(undefined),
  task: z
    .object({ id: looseInt, title: z.string(), project_id: looseInt.nullish(), status: z.string().nullish(), project: projectRefSchema.nullish() })
    .nullish(),
});
export type CorHour = z.infer<typeof hourSchema>;

export const hoursPageSchema = pageSchema(hourSchema).extend({ total_hours: looseNumber.nullish() });
export type CorHoursPage = z.infer<typeof hoursPageSchema>;

export const projectSchema = z.object({
  id: looseInt,
  name: z.string(),
  client_id: looseInt.nullish(),
  /** its Project Manager's COR user id */
  pm_id: looseInt.nullish(),
  status: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
  estimated_time: looseNumber.nullish(),
  /** hours logged on it so far */
  elapsed_time: looseNumber.nullish(),
  billable: looseBool.nullish(),
  income_type: z.string().nullish(),
  archived: looseBool.nullish(),
  client: clientRefSchema.nullish(),
});
export type CorProject = z.infer<typeof projectSchema>;

export const clientSchema = z.object({ id: looseInt, name: z.string(), business_name: z.string().nullish() });
export type CorClient = z.infer<typeof clientSchema>;

const workingTimeSchema = z.object({
  day_of_week: looseInt.pipe(z.number().min(1).max(7)),
  start_at: z.string().nullish(),
  end_at: z.string().nullish(),
  daily_hours: looseNumber.nullish(),
  user_id: looseInt.nullish(),
  break_time: looseNumber.nullish(),
});
export type CorWorkingTime = z.infer<typeof workingTimeSchema>;
export const workingTimesSchema = z.record(z.string(), z.array(workingTimeSchema));

/** The Integrations API answers a project with numeric COR ids; some deployments wrap it in `data`. */
export const integrationProjectSchema = z.union([
  z.object({ data: projectSchema }).transform((v) => v.data),
  projectSchema,
]);
