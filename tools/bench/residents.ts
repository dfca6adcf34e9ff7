import Database from 'better-sqlite3';

// Residents of their own for the load. The bot limits messages per resident
// (RATE_TURNS_PER_MINUTE, at most 10,000 a minute), so 20 conversations as one demo
// resident would soon be answered with "too many messages". Instead each conversation
// logs in as a copy of that resident: same name, bookings, invitations and children,
// under a made-up personnummer, written into the bot's demo tidbok while it runs.
// Columns are copied as the schema has them, so a new column comes along by itself.

function copyRows(
  db: Database.Database,
  table: string,
  personColumn: string,
  overrides: Record<string, string>,
  from: string,
  to: string,
): number {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const select = columns.map((c) => overrides[c] ?? `"${c}"`).join(', ');
  const names = columns.map((c) => `"${c}"`).join(', ');
  return db
    .prepare(`INSERT INTO ${table} (${names}) SELECT ${select} FROM ${table} WHERE "${personColumn}" = @from`)
    .run({ from, to }).changes;
}

/** Adds `count` copies of a demo resident; returns their personnummer. */
export function addResidentCopies(tidbokFile: string, of: string, count: number): string[] {
  const db = new Database(tidbokFile);
  db.pragma('busy_timeout = 5000');
  // Same birth date as the original, a serial number no demo resident has.
  const ids = Array.from({ length: count }, (_, i) => `${of.slice(0, 8)}${String(9000 + i)}`);
  try {
    db.transaction(() => {
      const original = db.prepare('SELECT name FROM patients WHERE id = ?').get(of) as { name: string } | undefined;
      if (!original) throw new Error(`No demo resident ${of} in ${tidbokFile}`);
      for (const id of ids) {
        db.prepare('INSERT INTO patients (id, name) VALUES (?, ?)').run(id, original.name);
        const suffix = `'-bench-' || @to`;
        copyRows(db, 'guardianships', 'guardian_id', { guardian_id: '@to' }, of, id);
        // A copied booking has no slot of its own: only a real rebook or cancel would need one.
        const booked = copyRows(
          db,
          'bookings',
          'patient_id',
          { id: `id || ${suffix}`, patient_id: '@to', slot_id: 'NULL' },
          of,
          id,
        );
        if (booked === 0) throw new Error(`Demo resident ${of} has no bookings to copy`);
        copyRows(db, 'invitations', 'patient_id', { id: `id || ${suffix}`, patient_id: '@to' }, of, id);
      }
    }).immediate();
  } finally {
    db.close();
  }
  return ids;
}
