/** `InputStore` on PostgreSQL. Every version of an input's text is kept in `input_versions`, never updated. */
import type { InputRecord, InputVersionRecord, QuestionRecord } from '../records.js';
import type { InputStore } from '../storage.js';
import type { Sql } from './units.js';

const QUESTION = `id, negotiation_id AS "negotiationId", target_type AS "targetType", target_id AS "targetId", number,
  text, created_at AS "createdAt", created_by AS "createdBy"`;
const INPUT = `id, negotiation_id AS "negotiationId", reading_id AS "readingId", kind, question_id AS "questionId", pid,
  source, delegation, tabled_by AS "tabledBy", person_id AS "personId", person_name AS "personName", text, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const VERSION = `input_id AS "inputId", version, text, edited_at AS "editedAt", person_id AS "personId",
  person_name AS "personName"`;

/** Questions, inputs and their settings on PostgreSQL. */
export class PgInputs implements InputStore {
  constructor(private readonly sql: Sql) {}

  async insertQuestion(q: QuestionRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO guiding_questions (id, negotiation_id, target_type, target_id, number, text, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [q.id, q.negotiationId, q.targetType, q.targetId, q.number, q.text, q.createdAt, q.createdBy],
    );
  }

  async listQuestions(negotiationId: string): Promise<QuestionRecord[]> {
    const { rows } = await this.sql.query<QuestionRecord>(
      `SELECT ${QUESTION} FROM guiding_questions WHERE negotiation_id = $1 ORDER BY created_at, number`,
      [negotiationId],
    );
    return rows;
  }

  insertInput(i: InputRecord): Promise<void> {
    return this.sql.atomic(async () => {
      await this.sql.query(
        `INSERT INTO inputs (id, negotiation_id, reading_id, kind, question_id, pid, source, delegation, tabled_by,
             author_key, person_id, person_name, text, version, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
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
        ],
      );
      await this.insertVersion(i.id, i.version, i.text, i.createdAt, i.personId, i.personName);
    });
  }

  private async insertVersion(
    id: string,
    version: number,
    text: string,
    at: string,
    personId: string,
    personName: string,
  ): Promise<void> {
    await this.sql.query(
      'INSERT INTO input_versions (input_id, version, text, edited_at, person_id, person_name) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, version, text, at, personId, personName],
    );
  }

  async getInput(id: string): Promise<InputRecord | undefined> {
    const { rows } = await this.sql.query<InputRecord>(`SELECT ${INPUT} FROM inputs WHERE id = $1`, [id]);
    return rows[0];
  }

  async listInputs(negotiationId: string, readingId?: string): Promise<InputRecord[]> {
    const { rows } =
      readingId === undefined
        ? await this.sql.query<InputRecord>(
            `SELECT ${INPUT} FROM inputs WHERE negotiation_id = $1 ORDER BY created_at, id`,
            [negotiationId],
          )
        : await this.sql.query<InputRecord>(
            `SELECT ${INPUT} FROM inputs WHERE negotiation_id = $1 AND reading_id = $2 ORDER BY created_at, id`,
            [negotiationId, readingId],
          );
    return rows;
  }

  updateInputText(
    id: string,
    text: string,
    at: string,
    personId: string,
    personName: string,
  ): Promise<InputRecord> {
    return this.sql.atomic(async () => {
      const { rows } = await this.sql.query<InputRecord>(
        `UPDATE inputs SET text = $1, version = version + 1, updated_at = $2 WHERE id = $3 RETURNING ${INPUT}`,
        [text, at, id],
      );
      const updated = rows[0];
      if (!updated) throw new Error(`input ${id} does not exist`);
      await this.insertVersion(id, updated.version, text, at, personId, personName);
      return updated;
    });
  }

  async inputHistory(id: string): Promise<InputVersionRecord[]> {
    const { rows } = await this.sql.query<InputVersionRecord>(
      `SELECT ${VERSION} FROM input_versions WHERE input_id = $1 ORDER BY version`,
      [id],
    );
    return rows;
  }

  async stakeholderInputsVisible(negotiationId: string): Promise<boolean> {
    const { rows } = await this.sql.query<{ visible: boolean }>(
      'SELECT stakeholders_visible AS visible FROM input_settings WHERE negotiation_id = $1',
      [negotiationId],
    );
    return rows[0]?.visible === true;
  }

  async setStakeholderInputsVisible(
    negotiationId: string,
    visible: boolean,
    at: string,
    by: string,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO input_settings (negotiation_id, stakeholders_visible, updated_at, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (negotiation_id) DO UPDATE SET stakeholders_visible = excluded.stakeholders_visible,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [negotiationId, visible, at, by],
    );
  }
}
