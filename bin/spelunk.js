#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx spelunk` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../collector/cli.ts');
