// The private-school negative-list workflow and its rectification notices (bureau mode).
export const caseRoutes = {} as const;
