CREATE INDEX "projects_active_name_idx" ON "projects" USING btree ("name","id") WHERE "projects"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "projects_active_start_idx" ON "projects" USING btree ("planned_start","id") WHERE "projects"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "projects_active_finish_idx" ON "projects" USING btree ("planned_finish","id") WHERE "projects"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "projects_active_updated_idx" ON "projects" USING btree ("updated_at","id") WHERE "projects"."archived_at" is null;