/** `InputStore` on SQLite. Every version of an input's text is kept in `input_versions`, never updated. */
import type Database from 'better-sqlite3';
import type { InputRecord, InputVersionRecord, QuestionRecord } from './records.js';
import type { Prepare } from './statements.js';
import type { InputStore } from './storage.js';

const QUESTION = `id, negotiation_id AS negotiationId, target_type AS targetType, target_id AS targetId, number,
  text, created_at AS createdAt, created_by AS createdBy`;
const INPUT = `id, negotiation_id AS negotiationId, reading_id AS readingId, kind, question_id AS questionId, pid,
  source, delegation, tabled_by AS tabledBy, person_id AS personId, person_name AS personName, text, version,
  created_at AS createdAt, updated_at AS updatedAt`;
const VERSION = `input_id AS inputId, version, text, edited_at AS editedAt, person_id AS personId,
  person_name AS personName`;

/** Questions, inputs and their settings on SQLite. */
export class SqliteInputs implements InputStore {
  constructor(
    private readonly db: Database.Database,
    private readonly prepare: Prepare,
  ) {}

  async insertQuestion(q: QuestionRecord): Promise<void> {
    this.prepare(
      `INSERT INTO guiding_questions (id, negotiation_id, target_type, target_id, number, text, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(q.id, q.negotiationId, q.targetType, q.targetId, q.number, q.text, q.createdAt, q.createdBy);
  }

  async listQuestions(negotiationId: string): Promise<QuestionRecord[]> {
    return this.prepare(
      `SELECT ${QUESTION} FROM guiding_questions WHERE negotiation_id = ? ORDER BY created_at, number`,
    ).all(negotiationId) as QuestionRecord[];
  }

  async insertInput(i: InputRecord): Promise<void> {
    this.db.transaction(() => {
      this.prepare(
        `INSERT INTO inputs (id, negotiation_id, reading_id, kind, question_id, pid, source, delegation, tabled_by,
             author_key, person_id, person_name, text, version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        i.id,
        i.negotiationId,
        i.readingId,
        i.kind,
        i.questionId,
        i.pid,
        i.source,
        i.delegation,
        i.tabledBy,
        i.delegation ?? `person:${i.personId}`,
        i.personId,
        i.personName,
        i.text,
        i.version,
        i.createdAt,
        i.updatedAt,
      );
      this.insertVersion(i.id, i.version, i.text, i.createdAt, i.personId, i.personName);
    })();
  }

  private insertVersion(
    id: string,
    version: number,
    text: string,
    at: string,
    personId: string,
    personName: string,
  ): void {
    this.prepare(
      'INSERT INTO input_versions (input_id, version, text, edited_at, person_id, person_name) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, version, text, at, personId, personName);
  }

  async getInput(id: string): Promise<InputRecord | undefined> {
    return this.prepare(`SELECT ${INPUT} FROM inputs WHERE id = ?`).get(id) as InputRecord | undefined;
  }

  async listInputs(negotiationId: string, readingId?: string): Promise<InputRecord[]> {
    if (readingId === undefined) {
      return this.prepare(`SELECT ${INPUT} FROM inputs WHERE negotiation_id = ? ORDER BY created_at, id`).all(
        negotiationId,
      ) as InputRecord[];
    }
    return this.prepare(
      `SELECT ${INPUT} FROM inputs WHERE negotiation_id = ? AND reading_id = ? ORDER BY created_at, id`,
    ).all(negotiationId, readingId) as InputRecord[];
  }

  async updateInputText(
    id: string,
    text: string,
    at: string,
    personId: string,
    personName: string,
  ): Promise<InputRecord> {
    return this.db.transaction(() => {
      const done = this.prepare(
        'UPDATE inputs SET text = ?, version = version + 1, updated_at = ? WHERE id = ?',
      ).run(text, at, id);
      if (done.changes === 0) throw new Error(`input ${id} does not exist`);
      const updated = this.prepare(`SELECT ${INPUT} FROM inputs WHERE id = ?`).get(id) as InputRecord;
      this.insertVersion(id, updated.version, text, at, personId, personName);
      return updated;
    })();
  }

  async inputHistory(id: string): Promise<InputVersionRecord[]> {
    return this.prepare(`SELECT ${VERSION} FROM input_versions WHERE input_id = ? ORDER BY version`).all(
      id,
    ) as InputVersionRecord[];
  }

  async stakeholderInputsVisible(negotiationId: string): Promise<boolean> {
    const row = this.prepare(
      'SELECT stakeholders_visible AS visible FROM input_settings WHERE negotiation_id = ?',
    ).get(negotiationId) as { visible: number } | undefined;
    return row?.visible === 1;
  }

  async setStakeholderInputsVisible(
    negotiationId: string,
    visible: boolean,
    at: string,
    by: string,
  ): Promise<void> {
    this.prepare(
      `INSERT INTO input_settings (negotiation_id, stakeholders_visible, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(negotiation_id) DO UPDATE SET stakeholders_visible = excluded.stakeholders_visible,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(negotiationId, visible ? 1 : 0, at, by);
  }
}
