// Red, black and white lists, the key supervision list and the key monitoring objects (bureau mode).
export const listRoutes = {} as const;
