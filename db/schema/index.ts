export * from "./audit";
export * from "./auth";
export * from "./documents";
export * from "./people";
export * from "./practices";
export * from "./questionnaires";
export * from "./staff-access";
