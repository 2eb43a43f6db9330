// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties (bureau mode).
export const institutionRoutes = {} as const;
