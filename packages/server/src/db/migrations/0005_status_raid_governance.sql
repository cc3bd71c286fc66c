CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kinds" text[] NOT NULL,
	"impact" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"applied" jsonb,
	CONSTRAINT "change_requests_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "gate_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" uuid NOT NULL,
	"lifecycle_id" uuid NOT NULL,
	"gate_key" text NOT NULL,
	"from_phase" text NOT NULL,
	"to_phase" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"conditions" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"votes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheduled_on" date,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "gate_reviews_decision_check" CHECK (decision is null or decision in ('go', 'hold', 'recycle', 'stop'))
);
--> statement-breakpoint
CREATE TABLE "lifecycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"family_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"office_id" uuid NOT NULL,
	"project_type_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phases" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "lifecycles_code_revision_unique" UNIQUE("code","revision")
);
--> statement-breakpoint
CREATE TABLE "office_authority" (
	"office_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_approved_values" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"budget" integer NOT NULL,
	"approved_start" date,
	"approved_finish" date,
	"scope" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stop_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"recommended_by" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"digest_hour" integer DEFAULT 7 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "raid_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"from_office_id" uuid,
	"to_office_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "raid_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"project_id" uuid,
	"program_id" uuid,
	"portfolio_id" uuid,
	"office_id" uuid,
	"owner_id" uuid,
	"status" text NOT NULL,
	"due_on" date,
	"probability" integer,
	"impact" integer,
	"score" integer,
	"residual_score" integer,
	"severity" text,
	"depends_on_project_id" uuid,
	"escalated_to_office_id" uuid,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "raid_items_code_unique" UNIQUE("code"),
	CONSTRAINT "raid_items_one_owner" CHECK (num_nonnulls(project_id, program_id, portfolio_id, office_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "office_status_settings" (
	"office_id" uuid PRIMARY KEY NOT NULL,
	"cadence" jsonb NOT NULL,
	"due_days_after_period" integer DEFAULT 1 NOT NULL,
	"reminder_days_before" jsonb DEFAULT '[1]'::jsonb NOT NULL,
	"rollup" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rag_thresholds" (
	"project_type_id" uuid PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"as_of" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"overall_suggested" text DEFAULT 'unknown' NOT NULL,
	"overall_rag" text DEFAULT 'unknown' NOT NULL,
	"overall_justification" text DEFAULT '' NOT NULL,
	"schedule_rag" text DEFAULT 'unknown' NOT NULL,
	"cost_rag" text DEFAULT 'unknown' NOT NULL,
	"scope_rag" text DEFAULT 'unknown' NOT NULL,
	"risk_rag" text DEFAULT 'unknown' NOT NULL,
	"quality_rag" text DEFAULT 'unknown' NOT NULL,
	"resources_rag" text DEFAULT 'unknown' NOT NULL,
	"dimensions" jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	CONSTRAINT "status_reports_projectId_periodStart_unique" UNIQUE("project_id","period_start"),
	CONSTRAINT "status_reports_state_check" CHECK (state in ('draft', 'submitted'))
);
--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_reviews" ADD CONSTRAINT "gate_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_reviews" ADD CONSTRAINT "gate_reviews_lifecycle_id_lifecycles_id_fk" FOREIGN KEY ("lifecycle_id") REFERENCES "public"."lifecycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_reviews" ADD CONSTRAINT "gate_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycles" ADD CONSTRAINT "lifecycles_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_authority" ADD CONSTRAINT "office_authority_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approved_values" ADD CONSTRAINT "project_approved_values_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_recommendations" ADD CONSTRAINT "stop_recommendations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_recommendations" ADD CONSTRAINT "stop_recommendations_recommended_by_users_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stop_recommendations" ADD CONSTRAINT "stop_recommendations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_escalations" ADD CONSTRAINT "raid_escalations_item_id_raid_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."raid_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_escalations" ADD CONSTRAINT "raid_escalations_from_office_id_offices_id_fk" FOREIGN KEY ("from_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_escalations" ADD CONSTRAINT "raid_escalations_to_office_id_offices_id_fk" FOREIGN KEY ("to_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_escalations" ADD CONSTRAINT "raid_escalations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_escalations" ADD CONSTRAINT "raid_escalations_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_depends_on_project_id_projects_id_fk" FOREIGN KEY ("depends_on_project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_items" ADD CONSTRAINT "raid_items_escalated_to_office_id_offices_id_fk" FOREIGN KEY ("escalated_to_office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_status_settings" ADD CONSTRAINT "office_status_settings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_thresholds" ADD CONSTRAINT "rag_thresholds_project_type_id_project_types_id_fk" FOREIGN KEY ("project_type_id") REFERENCES "public"."project_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_project_id_created_at_index" ON "change_requests" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "change_requests_state_index" ON "change_requests" USING btree ("state");--> statement-breakpoint
CREATE INDEX "gate_reviews_project_id_created_at_index" ON "gate_reviews" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "lifecycles_family_id_index" ON "lifecycles" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "lifecycles_office_id_index" ON "lifecycles" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "stop_recommendations_project_id_index" ON "stop_recommendations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_index" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_id_read_at_index" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "raid_escalations_item_id_at_index" ON "raid_escalations" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "raid_escalations_to_office_id_at_index" ON "raid_escalations" USING btree ("to_office_id","at");--> statement-breakpoint
CREATE INDEX "raid_items_project_id_kind_index" ON "raid_items" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "raid_items_program_id_index" ON "raid_items" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "raid_items_portfolio_id_index" ON "raid_items" USING btree ("portfolio_id");--> statement-breakpoint
CREATE INDEX "raid_items_office_id_index" ON "raid_items" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "raid_items_depends_on_project_id_index" ON "raid_items" USING btree ("depends_on_project_id");--> statement-breakpoint
CREATE INDEX "raid_items_escalated_to_office_id_index" ON "raid_items" USING btree ("escalated_to_office_id");--> statement-breakpoint
CREATE INDEX "raid_items_kind_status_index" ON "raid_items" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "status_reports_project_id_period_start_index" ON "status_reports" USING btree ("project_id","period_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "status_reports_period_start_overall_rag_index" ON "status_reports" USING btree ("period_start","overall_rag");