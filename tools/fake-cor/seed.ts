/** The demo company the fake COR starts with: enough of everything to try every feature. */

export interface SeedUser {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  role_id: number;
  daily_hours: number;
  gmt: string;
  hidden: boolean;
  password: string;
}
interface SeedClient {
  id: number;
  externalId: string;
  name: string;
}
export interface SeedProject {
  id: number;
  externalId: string | null;
  name: string;
  client_id: number;
  pm_id: number;
  status: string;
  start: string | null;
  end: string | null;
  brief: string | null;
  estimated_time: number | null;
  billable: boolean;
  income_type: string;
  archived: boolean;
}
export interface SeedTask {
  id: number;
  title: string;
  project_id: number;
  description: string;
  deadline: string | null;
  status: string;
  priority: number;
  archived: boolean;
  collaborators: number[];
}
export interface SeedHour {
  id: number;
  user_id: number;
  task_log_id: number;
  /** UTC, "YYYY-MM-DD HH:MM:SS" as COR writes it */
  start: string;
  stop: string | null;
  comments: string | null;
  created_at: string;
}
/** A message on a task (its conversation in COR), as `POST /tasks/{task_id}/messages` writes it. */
interface SeedTaskMessage {
  id: number;
  task_id: number;
  user_id: number;
  message: string;
}
export interface SeedLeave {
  id: number;
  user_id: number;
  start: string;
  end: string;
  all_day: boolean;
  leave_type: { id: number; name: string };
}
interface SeedWorkingDay {
  user_id: number;
  day_of_week: number;
  start_at: string;
  end_at: string;
  daily_hours: number;
  break_time: number;
}

export interface Seed {
  users: SeedUser[];
  clients: SeedClient[];
  projects: SeedProject[];
  tasks: SeedTask[];
  taskMessages: SeedTaskMessage[];
  hours: SeedHour[];
  leaves: SeedLeave[];
  workingTime: SeedWorkingDay[];
  /** the statuses this tenant's tasks may take: COR's four and its own */
  taskStatuses: string[];
}

const DEMO_PASSWORD = 'demo';

function user(id: number, first: string, last: string, email: string, role: number, daily: number, gmt = '-03:00'): SeedUser {
  return { id, first_name: first, last_name: last, email, role_id: role, daily_hours: daily, gmt, hidden: false, password: DEMO_PASSWORD };
}

export function demoSeed(): Seed {
  const users: SeedUser[] = [
    user(1, 'Carla', 'Admin', 'carla.admin@acme.example', 1, 8),
    user(2, 'Jane', 'Doe', 'Jane.Doe@acme.example', 4, 8),
    user(3, 'John', 'Smith', 'john.smith@acme.example', 3, 8, '-05:00'),
    user(4, 'Ana', 'Souza', 'ana.souza@acme.example', 4, 6),
    user(5, 'Mike', 'Brown', 'mike.brown@acme.example', 5, 4, '+00:00'),
  ];
  // Enough people to need several pages of GET /users.
  for (let i = 6; i <= 48; i++) users.push(user(i, 'Demo', `Person ${i}`, `person${i}@acme.example`, 4, 8));
  users.push({ ...user(49, 'Hidden', 'Bot', 'hidden.bot@acme.example', 4, 0), hidden: true });

  const clients: SeedClient[] = [
    { id: 10, externalId: 'acme-foods', name: 'Acme Foods' },
    { id: 11, externalId: 'bolt-motors', name: 'Bolt Motors' },
    { id: 12, externalId: 'cafe-rio', name: 'Café Río' },
  ];
  const project = (id: number, name: string, client_id: number, pm_id: number): SeedProject => ({
    id,
    externalId: null,
    name,
    client_id,
    pm_id,
    status: 'in_process',
    start: '2026-09-01',
    end: '2027-03-31',
    brief: null,
    estimated_time: 400,
    billable: true,
    income_type: 'fee',
    archived: false,
  });
  const projects: SeedProject[] = [
    project(100, 'Homepage redesign', 10, 3),
    project(101, 'Mobile app', 11, 3),
    project(102, 'Campaña Verano', 12, 1),
    project(103, 'Internal', 10, 1),
    project(104, 'Diseño de marca', 12, 3),
  ];
  const task = (id: number, title: string, project_id: number, status: string, priority: number, deadline: string | null, collaborators: number[]): SeedTask => ({
    id,
    title,
    project_id,
    description: '',
    deadline,
    status,
    priority,
    archived: false,
    collaborators,
  });
  const tasks: SeedTask[] = [
    task(48211, 'Homepage redesign - hero section', 100, 'en_proceso', 2, '2026-11-25T21:00:00.000Z', [2, 3]),
    task(48212, 'Homepage redesign - footer', 100, 'nueva', 1, '2026-12-02T21:00:00.000Z', [2]),
    task(48213, 'Mobile app login flow', 101, 'estancada', 3, '2026-11-20T21:00:00.000Z', [2, 4]),
    task(48214, 'Mobile app push notifications', 101, 'finalizada', 1, '2026-11-10T21:00:00.000Z', [3]),
    task(48215, 'Diseño de piezas para redes', 102, 'en_revision', 2, '2026-11-28T21:00:00.000Z', [4, 2]),
    task(48216, 'Reunión de planificación', 103, 'nueva', 0, null, [1, 2, 3, 4, 5]),
    task(48217, 'Logo e identidad', 104, 'ajustes', 2, '2026-12-15T21:00:00.000Z', [4]),
    task(48218, 'Campaña verano - copy', 102, 'en_proceso', 1, '2026-12-05T21:00:00.000Z', [2, 5]),
    task(48219, 'QA regression pass', 101, 'nueva', 2, '2026-11-30T21:00:00.000Z', [5]),
    task(48220, 'Homepage SEO audit', 100, 'estancada', 1, null, [3]),
  ];
  // A long tail so lists need several pages.
  for (let i = 0; i < 30; i++) {
    tasks.push(task(48300 + i, `Backlog item ${i + 1}`, 103, i % 4 === 3 ? 'finalizada' : 'nueva', i % 4, null, [2]));
  }
  const hours: SeedHour[] = [
    { id: 9001, user_id: 2, task_log_id: 48211, start: '2026-11-19 12:00:00', stop: '2026-11-19 15:00:00', comments: null, created_at: '2026-11-19 15:01:00' },
    { id: 9002, user_id: 2, task_log_id: 48213, start: '2026-11-19 16:00:00', stop: '2026-11-19 20:30:00', comments: null, created_at: '2026-11-19 20:31:00' },
    { id: 9003, user_id: 2, task_log_id: 48218, start: '2026-11-20 12:00:00', stop: '2026-11-20 14:00:00', comments: null, created_at: '2026-11-20 14:01:00' },
    { id: 9004, user_id: 4, task_log_id: 48215, start: '2026-11-20 12:00:00', stop: '2026-11-20 18:00:00', comments: 'piezas', created_at: '2026-11-20 18:01:00' },
    { id: 9005, user_id: 3, task_log_id: 48220, start: '2026-11-20 14:00:00', stop: '2026-11-20 16:00:00', comments: null, created_at: '2026-11-20 16:01:00' },
  ];
  const leaves: SeedLeave[] = [
    { id: 14050, user_id: 2, start: '2026-11-27T03:00:00.000Z', end: '2026-11-28T02:59:59.000Z', all_day: true, leave_type: { id: 12, name: 'flexday' } },
    { id: 14051, user_id: 4, start: '2026-11-25T12:00:00.000Z', end: '2026-11-25T16:00:00.000Z', all_day: false, leave_type: { id: 13, name: 'Medical' } },
  ];
  const workingTime: SeedWorkingDay[] = [];
  const week = (user_id: number, days: number[], start_at: string, end_at: string, daily_hours: number) => {
    for (const day_of_week of days) workingTime.push({ user_id, day_of_week, start_at, end_at, daily_hours, break_time: 1 });
  };
  week(2, [2, 3, 4, 5, 6], '09:00:00', '18:00:00', 8); // Jane: Mon-Fri (1 = Sunday)
  week(4, [2, 3, 4, 5], '09:00:00', '16:00:00', 6); // Ana: Mon-Thu
  week(5, [3, 5], '10:00:00', '14:00:00', 4); // Mike: Tue and Thu
  return {
    users,
    clients,
    projects,
    tasks,
    taskMessages: [],
    hours,
    leaves,
    workingTime,
    taskStatuses: ['nueva', 'en_proceso', 'estancada', 'finalizada', 'en_revision', 'ajustes'],
  };
}
