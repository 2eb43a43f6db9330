// Credit grading of every subject under a versioned rule set (bureau mode).
export const gradingRoutes = {} as const;
