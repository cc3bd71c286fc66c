CREATE TABLE "proposal_scores" (
	"proposal_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"scorer_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_scores_proposal_id_framework_id_scorer_id_pk" PRIMARY KEY("proposal_id","framework_id","scorer_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"portfolio_id" uuid,
	"sponsor_id" uuid,
	"requester_id" uuid,
	"type_id" uuid,
	"objective_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"mandatory_reason" text DEFAULT '' NOT NULL,
	"business_case" jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demand" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earliest_start" text NOT NULL,
	"latest_start" text NOT NULL,
	"duration_months" integer NOT NULL,
	"framework_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"project_id" uuid,
	CONSTRAINT "proposals_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "scoring_frameworks" (
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
	"description" text DEFAULT '' NOT NULL,
	"combine" text DEFAULT 'mean' NOT NULL,
	"disagreement_threshold" double precision DEFAULT 2 NOT NULL,
	"weighting" text DEFAULT 'direct' NOT NULL,
	"criteria" jsonb NOT NULL,
	"ahp" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "scoring_frameworks_code_revision_unique" UNIQUE("code","revision")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "work_roles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "plans_of_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" uuid,
	"value" double precision NOT NULL,
	"objective" text NOT NULL,
	"items" jsonb NOT NULL,
	"created_projects" uuid[] NOT NULL,
	"moved_projects" uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"office_id" uuid,
	"body" jsonb NOT NULL,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"plan" jsonb,
	"frontier" jsonb,
	"committed_at" timestamp with time zone,
	"committed_by" uuid,
	CONSTRAINT "scenarios_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_framework_id_scoring_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."scoring_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_scores" ADD CONSTRAINT "proposal_scores_scorer_id_users_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_transitions" ADD CONSTRAINT "proposal_transitions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_sponsor_id_users_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_type_id_project_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."project_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_frameworks" ADD CONSTRAINT "scoring_frameworks_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_of_record" ADD CONSTRAINT "plans_of_record_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_of_record" ADD CONSTRAINT "plans_of_record_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_of_record" ADD CONSTRAINT "plans_of_record_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_scores_framework_id_index" ON "proposal_scores" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "proposal_transitions_proposal_id_at_index" ON "proposal_transitions" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE INDEX "proposals_office_id_index" ON "proposals" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "proposals_portfolio_id_index" ON "proposals" USING btree ("portfolio_id");--> statement-breakpoint
CREATE INDEX "proposals_status_code_index" ON "proposals" USING btree ("status","code");--> statement-breakpoint
CREATE INDEX "proposals_archived_at_code_index" ON "proposals" USING btree ("archived_at","code");--> statement-breakpoint
CREATE INDEX "proposals_framework_id_index" ON "proposals" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "scoring_frameworks_family_id_index" ON "scoring_frameworks" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "scoring_frameworks_office_id_index" ON "scoring_frameworks" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "work_roles_archived_at_code_index" ON "work_roles" USING btree ("archived_at","code");--> statement-breakpoint
CREATE INDEX "plans_of_record_portfolio_id_committed_at_index" ON "plans_of_record" USING btree ("portfolio_id","committed_at");--> statement-breakpoint
CREATE INDEX "scenarios_portfolio_id_index" ON "scenarios" USING btree ("portfolio_id");--> statement-breakpoint
CREATE INDEX "scenarios_archived_at_code_index" ON "scenarios" USING btree ("archived_at","code");