import { z } from 'zod';
import { entityMeta, Id, Labels, listQuery, Name, RefFilter, Timestamp, Version } from '../common';
import { RoleSchema, ScopeTypeSchema } from '../roles';

export const Email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const Password = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200)
  .describe('At least 10 characters');

export const Grant = z
  .object({
    id: Id,
    userId: Id,
    role: RoleSchema,
    scopeType: ScopeTypeSchema,
    scopeId: Id.nullable(),
    scopeName: z.string().nullable().describe('Name of the office, portfolio, program or project'),
    scopeCode: z.string().nullable().describe('Its code'),
    createdAt: Timestamp,
  })
  .meta({ id: 'Grant' });
export const GrantCreate = z
  .object({ role: RoleSchema, scopeType: ScopeTypeSchema, scopeId: Id.nullable().default(null) })
  .superRefine((g, ctx) => {
    if (g.scopeType === 'organization' && g.scopeId !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['scopeId'],
        message: 'An organization-wide grant has no scope id',
      });
    if (g.scopeType !== 'organization' && g.scopeId === null)
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: `A ${g.scopeType} grant needs a scope id` });
  });
export const GrantParams = z.object({ id: Id, grantId: Id });

const userFields = {
  email: Email,
  name: Name,
  title: z.string().trim().max(120),
  orgUnitId: Id.nullable(),
};
export const User = z
  .object({
    ...entityMeta,
    ...userFields,
    email: z.string(),
    lastSignInAt: Timestamp.nullable(),
    grants: z.array(Grant).optional(),
    abilities: z.object({ update: z.boolean(), archive: z.boolean() }),
    labels: Labels,
  })
  .meta({ id: 'User' });
export const UserCreate = z.object({
  ...userFields,
  title: z.string().trim().max(120).default(''),
  orgUnitId: Id.nullable().default(null),
  password: Password,
  grants: z.array(GrantCreate).max(50).default([]),
});
export const UserUpdate = z.object(userFields).partial().extend({ version: Version });
export const UserListQuery = listQuery(['email', 'name', 'updatedAt']).extend({
  role: RoleSchema.optional(),
  orgUnitId: RefFilter.optional(),
});

// ---------- authentication ----------
export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});
export const PasswordChangeBody = z.object({ currentPassword: z.string().max(200), newPassword: Password });

export const Me = z
  .object({
    user: z.object({ id: Id, email: z.string(), name: z.string(), title: z.string() }),
    grants: z.array(Grant),
    abilities: z.record(z.string(), z.boolean()).describe('Organization-wide abilities, e.g. project.create'),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on cookie-authenticated writes'),
  })
  .meta({ id: 'Me' });

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to recognise it'),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export const ApiTokenCreate = z.object({
  name: Name,
  expiresInDays: z.int().min(1).max(3650).nullable().default(null),
});
export const ApiTokenCreated = ApiToken.extend({
  token: z.string().describe('Shown once; send as Authorization: Bearer <token>'),
});

// ---------- audit ----------
export const auditActions = [
  'create',
  'update',
  'archive',
  'restore',
  'grant',
  'revoke',
  'password_change',
  'sign_in',
  'sign_out',
  'token_create',
  'token_revoke',
  'import',
] as const;
export const AuditEvent = z
  .object({
    id: z.string(),
    at: Timestamp,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    action: z.enum(auditActions),
    entityType: z.string(),
    entityId: Id,
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export const AuditListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  entityType: z.string().max(40).optional(),
  entityId: Id.optional(),
  actorId: Id.optional(),
  action: z.enum(auditActions).optional(),
});

export type User = z.infer<typeof User>;
export type Grant = z.infer<typeof Grant>;
export type Me = z.infer<typeof Me>;
export type ApiToken = z.infer<typeof ApiToken>;
export type AuditEvent = z.infer<typeof AuditEvent>;
