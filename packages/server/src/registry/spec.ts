import type { Resource } from '@pharos/api';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/connect';
import type { Anchors } from '../policy/reach';

/** Entity types as they appear in the audit trail and in references. */
export type EntityType =
  | 'orgUnit'
  | 'office'
  | 'objective'
  | 'portfolio'
  | 'program'
  | 'project'
  | 'operation'
  | 'projectType'
  | 'user'
  | 'workRole'
  | 'proposal'
  | 'scoringFramework'
  | 'scenario'
  | 'lifecycle';

export type Row = Record<string, unknown> & { id: string; version: number; archivedAt: Date | null };

/**
 * What makes one registry entity different from the others. The generic service does the rest:
 * listing (scoped to what the caller may see), get, create, update and move, archive, restore.
 */
export interface EntitySpec {
  type: EntityType;
  resource: Resource;
  label: string;
  table: PgTable;
  col: (name: string) => PgColumn;
  /** Body fields that reference other entities, and which. */
  refs: Record<string, EntityType>;
  /** Set if the entity is a tree over itself through this field. */
  parentField?: string;
  /** Query parameters that filter by a column of the same name. */
  filters: string[];
  /**
   * Filters that are more than a column match (e.g. projects linked to an objective): SQL
   * conditions on the row alias `t`, every value through `param` (which returns its placeholder).
   */
  conditions?: (query: Record<string, unknown>, param: (value: unknown) => string) => string[];
  /** Columns the `q` search looks in (default code and name) and the default sort. */
  search?: string[];
  defaultSort?: string;
  /** Runs when the item is archived, in the same transaction (e.g. end a user's sessions). */
  onArchive?: (tx: Tx, row: Row) => Promise<void>;
  /** Where an existing item sits, for the policy. */
  anchors: (row: Row) => Anchors;
  /** Where an item with these values would sit (create, or after a move). */
  anchorsFor: (values: Row) => Anchors;
  /** Columns holding each anchor, to filter lists by the caller's reach. */
  anchorColumns: Partial<Record<keyof Anchors, string>>;
  /** Other tables whose active rows keep this one from being archived. */
  children: { table: PgTable; column: string; label: string }[];
  /** Derives values before a write (e.g. a project's portfolio from its program). */
  derive?: (tx: Tx, values: Row) => Promise<void>;
  /**
   * Fields kept outside the table (e.g. objectiveIds): read as SQL subselects of the row whose id
   * is the given expression, saved after the row.
   */
  extra?: {
    columns: (id: string) => Record<string, string>;
    save: (tx: Tx, id: string, values: Record<string, unknown>) => Promise<void>;
  };
  /** Runs after an update in the same transaction (e.g. a program move carries its projects). */
  afterUpdate?: (tx: Tx, before: Row, after: Row) => Promise<void>;
}
