// Decisions where credit counts: funding, honours, evaluations (bureau mode).
export const decisionRoutes = {} as const;
