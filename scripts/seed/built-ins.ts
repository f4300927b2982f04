// Prints what the seed takes from the TypeScript sources as JSON: the built-in instruments (PHQ-9
// and GAD-7 in Dutch and English) and the system roles. `npx tsx scripts/seed/built-ins.ts`
import { SYSTEM_ROLES } from "../../src/lib/console/permissions";
import { GAD7_EN, GAD7_NL, PHQ9_EN, PHQ9_NL } from "../../src/lib/questionnaires";

process.stdout.write(
  JSON.stringify({ instruments: { PHQ9_NL, PHQ9_EN, GAD7_NL, GAD7_EN }, systemRoles: SYSTEM_ROLES }),
);
