import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicEvaluation1732300000530 implements MigrationInterface {
  name = 'PublicEvaluation1732300000530';

  async up(q: QueryRunner): Promise<void> {
    // 阳光信访公开评议: one open session per grievance at a time; the opinion is stored with its rule.
    await q.query(`CREATE TABLE public_evaluation (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      tracking_code text,
      matter text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'concluded')),
      quorum int NOT NULL CHECK (quorum > 0),
      rule text NOT NULL,
      opinion text CHECK (opinion IN ('handling_supported', 'handling_not_supported', 'no_majority', 'no_quorum')),
      support int,
      oppose int,
      abstain int,
      recommendations text,
      opened_by text,
      opened_at timestamptz NOT NULL,
      concluded_by text,
      concluded_at timestamptz,
      CHECK ((status = 'concluded') = (opinion IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX public_evaluation_one_open ON public_evaluation (grievance_id) WHERE status = 'open'`);
    await q.query(`CREATE TABLE public_evaluator (
      public_evaluation_id uuid NOT NULL REFERENCES public_evaluation (id),
      evaluator_id text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      position int NOT NULL,
      PRIMARY KEY (public_evaluation_id, evaluator_id)
    )`);
    // One vote per evaluator on the panel, never changed once cast.
    await q.query(`CREATE TABLE public_evaluation_vote (
      public_evaluation_id uuid NOT NULL,
      evaluator_id text NOT NULL,
      vote text NOT NULL CHECK (vote IN ('support', 'oppose', 'abstain')),
      remarks text,
      recorded_by text,
      at timestamptz NOT NULL,
      PRIMARY KEY (public_evaluation_id, evaluator_id),
      FOREIGN KEY (public_evaluation_id, evaluator_id) REFERENCES public_evaluator (public_evaluation_id, evaluator_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE public_evaluation_vote');
    await q.query('DROP TABLE public_evaluator');
    await q.query('DROP TABLE public_evaluation');
  }
}
