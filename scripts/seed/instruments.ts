// Prints the built-in instruments (PHQ-9 and GAD-7 in Dutch and English) as JSON for the seed,
// which runs as plain JavaScript: `npx tsx scripts/seed/instruments.ts`.
import { GAD7_EN, GAD7_NL, PHQ9_EN, PHQ9_NL } from "../../src/lib/questionnaires";

process.stdout.write(JSON.stringify({ PHQ9_NL, PHQ9_EN, GAD7_NL, GAD7_EN }));
