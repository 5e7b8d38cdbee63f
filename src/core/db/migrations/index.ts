import type { Migration } from '../migration';
import { migration001 } from './001-accounts-and-applications';
import { migration002 } from './002-history-and-settings';
import { migration003 } from './003-application-counts';
import { migration004 } from './004-oauth';
import { migration005 } from './005-vault-identity';
import { migration006 } from './006-folded-names';
import { migration007 } from './007-history-prefix-index';
import { migration008 } from './008-signature-method';
import { migration009 } from './009-dashboard-metadata';
import { migration010 } from './010-key-rotation-and-check-results';
import { migration011 } from './011-secret-rotation-and-subaccounts';
import { migration012 } from './012-team';
import { migration013 } from './013-team-sync';

/** In order; each file adds one step. Never edit a migration that has shipped: add a new one. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];
