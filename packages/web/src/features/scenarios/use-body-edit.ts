import type { Scenario, ScenarioBodyT } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { scenarioKeys, useUpdateScenario } from './scenario-api';

/**
 * Edits of a scenario's body (candidates' flags, limits, rules), each sent as a PATCH with the
 * version loaded; a conflict (someone else changed it) is kept apart so the page offers a reload.
 */
export function useBodyEdit(scenario: Scenario) {
  const update = useUpdateScenario(scenario.id);
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const editable = scenario.abilities.update && scenario.status === 'draft';
  const save = async (body: ScenarioBodyT) => {
    setError(null);
    try {
      await update.mutateAsync({ version: scenario.version, body });
      return true;
    } catch (e) {
      if (isApiError(e) && e.status === 409) setConflict(true);
      else setError(errorMessage(e));
      return false;
    }
  };
  const reload = () => {
    setConflict(false);
    setError(null);
    void qc.invalidateQueries({ queryKey: scenarioKeys.item(scenario.id) });
  };
  return {
    save,
    busy: update.isPending,
    error,
    conflict,
    reload,
    editable,
    clearError: () => setError(null),
  };
}
