// Inspections and spot checks, with the reproducible double-random draw (bureau mode).
export const inspectionRoutes = {} as const;
