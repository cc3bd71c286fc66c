CREATE TABLE "plan_assignments" (
	"project_id" uuid NOT NULL,
	"uid" integer NOT NULL,
	"task_uid" integer NOT NULL,
	"resource_uid" integer NOT NULL,
	"units" double precision DEFAULT 1 NOT NULL,
	"work" double precision DEFAULT 0 NOT NULL,
	"actual_work" double precision DEFAULT 0 NOT NULL,
	"start" timestamp(0),
	"finish" timestamp(0),
	CONSTRAINT "plan_assignments_project_id_uid_pk" PRIMARY KEY("project_id","uid")
);
--> statement-breakpoint
CREATE TABLE "plan_calendars" (
	"project_id" uuid NOT NULL,
	"uid" integer NOT NULL,
	"name" text NOT NULL,
	"base_uid" integer,
	"week" jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"work_weeks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "plan_calendars_project_id_uid_pk" PRIMARY KEY("project_id","uid")
);
--> statement-breakpoint
CREATE TABLE "plan_links" (
	"project_id" uuid NOT NULL,
	"predecessor_uid" integer NOT NULL,
	"successor_uid" integer NOT NULL,
	"type" text DEFAULT 'FS' NOT NULL,
	"lag" double precision DEFAULT 0 NOT NULL,
	"lag_unit" text DEFAULT 'd' NOT NULL,
	CONSTRAINT "plan_links_project_id_predecessor_uid_successor_uid_pk" PRIMARY KEY("project_id","predecessor_uid","successor_uid")
);
--> statement-breakpoint
CREATE TABLE "plan_resources" (
	"project_id" uuid NOT NULL,
	"uid" integer NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'work' NOT NULL,
	"initials" text DEFAULT '' NOT NULL,
	"group" text DEFAULT '' NOT NULL,
	"max_units" double precision DEFAULT 1 NOT NULL,
	"standard_rate" double precision DEFAULT 0 NOT NULL,
	"calendar_uid" integer,
	CONSTRAINT "plan_resources_project_id_uid_pk" PRIMARY KEY("project_id","uid")
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"project_id" uuid NOT NULL,
	"uid" integer NOT NULL,
	"row" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"wbs" text NOT NULL,
	"outline_level" smallint NOT NULL,
	"name" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"summary" boolean DEFAULT false NOT NULL,
	"milestone" boolean DEFAULT false NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"manual_start" timestamp(0),
	"duration" double precision NOT NULL,
	"duration_unit" text DEFAULT 'd' NOT NULL,
	"constraint_type" text DEFAULT 'ASAP' NOT NULL,
	"constraint_date" timestamp(0),
	"deadline" timestamp(0),
	"calendar_uid" integer,
	"percent_complete" double precision DEFAULT 0 NOT NULL,
	"actual_start" timestamp(0),
	"actual_finish" timestamp(0),
	"remaining_duration" double precision,
	"start" timestamp(0),
	"finish" timestamp(0),
	"early_start" timestamp(0),
	"early_finish" timestamp(0),
	"late_start" timestamp(0),
	"late_finish" timestamp(0),
	"total_slack" double precision,
	"free_slack" double precision,
	"critical" boolean DEFAULT false NOT NULL,
	"baselines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "plan_tasks_project_id_uid_pk" PRIMARY KEY("project_id","uid")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'pharos' NOT NULL,
	"start_date" timestamp(0) NOT NULL,
	"status_date" timestamp(0),
	"calendar_uid" integer NOT NULL,
	"minutes_per_day" integer DEFAULT 480 NOT NULL,
	"minutes_per_week" integer DEFAULT 2400 NOT NULL,
	"days_per_month" integer DEFAULT 20 NOT NULL,
	"finish" timestamp(0),
	"baselines_set" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_project_id_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plans"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_calendars" ADD CONSTRAINT "plan_calendars_project_id_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plans"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_links" ADD CONSTRAINT "plan_links_project_id_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plans"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_project_id_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plans"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_project_id_plans_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plans"("project_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_tasks_milestones_idx" ON "plan_tasks" USING btree ("project_id") WHERE "plan_tasks"."milestone";