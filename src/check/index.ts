export { check, Checker } from './checker';
export type { CheckReport, Evidence, RequirementResult, Status } from './report';
