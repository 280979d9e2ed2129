import type { Kind, Level } from '../referential/schema';

export type Status = 'covered' | 'partial' | 'missing';

export interface Evidence {
  /** The quoted passage (the sentence, or the heading, that carries the evidence). */
  text: string;
  blockId: string;
  /** Character offsets of `text` in the block's text. */
  start: number;
  end: number;
  headingPath: string[];
}

export interface RequirementResult {
  id: string;
  title: string;
  kind: Kind;
  level: Level;
  axis: string;
  source: string;
  status: Status;
  /** 0–1: how sure the checker is of this status. */
  confidence: number;
  /** One French line a reviewer can read. */
  reason: string;
  evidence: Evidence[];
  /** For a `cible`: the local figure found beside the national one. */
  figure?: { national: number; local?: number; unit: string; belowNational?: boolean };
}

export interface CheckReport {
  referentiel: { id: string; version: string };
  summary: Record<Status, number>;
  requirements: RequirementResult[];
}
