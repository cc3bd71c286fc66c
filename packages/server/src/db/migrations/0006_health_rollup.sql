CREATE TABLE "project_health" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"overall_rag" text NOT NULL,
	"schedule_rag" text NOT NULL,
	"cost_rag" text NOT NULL,
	"scope_rag" text NOT NULL,
	"risk_rag" text NOT NULL,
	"quality_rag" text NOT NULL,
	"resources_rag" text NOT NULL,
	"history" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_health" ADD CONSTRAINT "project_health_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Rewrites the project_health rows of some projects from their submitted, unarchived reports
-- (a project without one loses its row). Called by the triggers below and by
-- refreshProjectHealth (status/rollup-store.ts).
CREATE FUNCTION "pharos_refresh_project_health"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
	DELETE FROM project_health h
	WHERE h.project_id = ANY(ids)
		AND NOT EXISTS (
			SELECT 1 FROM status_reports r
			WHERE r.project_id = h.project_id AND r.state = 'submitted' AND r.archived_at IS NULL
		);
	INSERT INTO project_health AS h (
		project_id, report_id, period_kind, period_start, period_end, submitted_at, overall_rag,
		schedule_rag, cost_rag, scope_rag, risk_rag, quality_rag, resources_rag, history, updated_at
	)
	SELECT l.project_id, l.id, l.period_kind, l.period_start, l.period_end, l.submitted_at, l.overall_rag,
		l.schedule_rag, l.cost_rag, l.scope_rag, l.risk_rag, l.quality_rag, l.resources_rag, x.history, now()
	FROM (SELECT DISTINCT unnest(ids) AS id) p
	CROSS JOIN LATERAL (
		SELECT * FROM status_reports r
		WHERE r.project_id = p.id AND r.state = 'submitted' AND r.archived_at IS NULL
		ORDER BY r.period_start DESC LIMIT 1
	) l
	CROSS JOIN LATERAL (
		SELECT string_agg(
			concat(
				lpad((r.period_start - date '1970-01-01')::text, 5, '0'),
				lpad((r.period_end - r.period_start)::text, 2, '0'),
				coalesce(lpad(greatest(0, least(998, (r.submitted_at AT TIME ZONE 'UTC')::date - r.period_end + 500))::text, 3, '0'), '999'),
				left(r.overall_rag, 1), left(r.schedule_rag, 1), left(r.cost_rag, 1), left(r.scope_rag, 1),
				left(r.risk_rag, 1), left(r.quality_rag, 1), left(r.resources_rag, 1)
			),
			'' ORDER BY r.period_start
		) AS history
		FROM (
			SELECT * FROM status_reports r
			WHERE r.project_id = p.id AND r.state = 'submitted' AND r.archived_at IS NULL
			ORDER BY r.period_start DESC LIMIT 16
		) r
	) x
	ON CONFLICT (project_id) DO UPDATE SET
		report_id = excluded.report_id, period_kind = excluded.period_kind,
		period_start = excluded.period_start, period_end = excluded.period_end,
		submitted_at = excluded.submitted_at, overall_rag = excluded.overall_rag,
		schedule_rag = excluded.schedule_rag, cost_rag = excluded.cost_rag, scope_rag = excluded.scope_rag,
		risk_rag = excluded.risk_rag, quality_rag = excluded.quality_rag,
		resources_rag = excluded.resources_rag, history = excluded.history, updated_at = excluded.updated_at;
$$;
--> statement-breakpoint
-- Once per statement, for the projects whose submitted reports it touched (editing a draft costs nothing).
CREATE FUNCTION "pharos_health_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pharos_refresh_project_health(array(SELECT DISTINCT project_id FROM new_rows WHERE state = 'submitted'));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "pharos_health_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pharos_refresh_project_health(array(
		SELECT project_id FROM new_rows WHERE state = 'submitted'
		UNION SELECT project_id FROM old_rows WHERE state = 'submitted'
	));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "pharos_health_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pharos_refresh_project_health(array(SELECT DISTINCT project_id FROM old_rows WHERE state = 'submitted'));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "status_reports_health_insert" AFTER INSERT ON "status_reports"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pharos_health_after_insert();
--> statement-breakpoint
CREATE TRIGGER "status_reports_health_update" AFTER UPDATE ON "status_reports"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pharos_health_after_update();
--> statement-breakpoint
CREATE TRIGGER "status_reports_health_delete" AFTER DELETE ON "status_reports"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pharos_health_after_delete();
--> statement-breakpoint
SELECT pharos_refresh_project_health(array(SELECT DISTINCT project_id FROM status_reports WHERE state = 'submitted'));
