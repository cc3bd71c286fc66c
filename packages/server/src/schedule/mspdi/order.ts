/**
 * The order of child elements MS Project's schema (mspdi_pj12 … pj15: `xsd:sequence`) demands;
 * MS Project refuses a file whose elements come out of order. Taken from the schema and from the
 * files MS Project 2002–2019 saved (the shared corpus), which agree. The writer places every
 * element by these lists and the round-trip test checks written files against them.
 *
 * Keys are element names; `Baseline` differs by parent, so its keys carry the parent.
 */
// biome-ignore format: the schema's lists, kept compact
export const MSPDI_ORDER = {
  Project: [
    'SaveVersion', 'BuildNumber', 'Name', 'Title', 'Subject', 'Category', 'Company', 'Manager', 'Author',
    'GUID', 'CreationDate', 'Revision', 'LastSaved', 'ScheduleFromStart', 'StartDate', 'FinishDate',
    'FYStartDate', 'CriticalSlackLimit', 'CurrencyDigits', 'CurrencySymbol', 'CurrencyCode',
    'CurrencySymbolPosition', 'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime', 'MinutesPerDay',
    'MinutesPerWeek', 'DaysPerMonth', 'DefaultTaskType', 'DefaultFixedCostAccrual', 'DefaultStandardRate',
    'DefaultOvertimeRate', 'DurationFormat', 'WorkFormat', 'EditableActualCosts', 'HonorConstraints',
    'EarnedValueMethod', 'InsertedProjectsLikeSummary', 'MultipleCriticalPaths', 'NewTasksEffortDriven',
    'NewTasksEstimated', 'SplitsInProgressTasks', 'SpreadActualCost', 'SpreadPercentComplete',
    'TaskUpdatesResource', 'FiscalYearStart', 'WeekStartDay', 'MoveCompletedEndsBack',
    'MoveRemainingStartsBack', 'MoveRemainingStartsForward', 'MoveCompletedEndsForward',
    'BaselineForEarnedValue', 'AutoAddNewResourcesAndTasks', 'StatusDate', 'CurrentDate',
    'MicrosoftProjectServerURL', 'Autolink', 'NewTaskStartDate', 'NewTasksAreManual', 'DefaultTaskEVMethod',
    'ProjectExternallyEdited', 'ExtendedCreationDate', 'ActualsInSync', 'RemoveFileProperties',
    'AdminProject', 'UpdateManuallyScheduledTasksWhenEditingLinks',
    'KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled', 'Views', 'Filters', 'Groups', 'Tables', 'Maps',
    'Reports', 'Drawings', 'DataLinks', 'VBAProjects', 'OutlineCodes', 'WBSMasks', 'ExtendedAttributes',
    'Calendars', 'Tasks', 'Resources', 'Assignments',
  ],
  Calendar: [
    'UID', 'GUID', 'Name', 'IsBaseCalendar', 'IsBaselineCalendar', 'BaseCalendarUID', 'WeekDays',
    'Exceptions', 'WorkWeeks',
  ],
  WeekDay: ['DayType', 'DayWorking', 'TimePeriod', 'WorkingTimes'],
  TimePeriod: ['FromDate', 'ToDate'],
  WorkingTime: ['FromTime', 'ToTime'],
  Exception: [
    'EnteredByOccurrences', 'TimePeriod', 'Occurrences', 'Name', 'Type', 'Period', 'DaysOfWeek', 'Month',
    'MonthItem', 'MonthPosition', 'MonthDay', 'DayWorking', 'WorkingTimes',
  ],
  WorkWeek: ['TimePeriod', 'Name', 'WeekDays'],
  Task: [
    'UID', 'GUID', 'ID', 'Name', 'Active', 'Manual', 'Type', 'IsNull', 'CreateDate', 'Contact', 'WBS',
    'WBSLevel', 'OutlineNumber', 'OutlineLevel', 'Priority', 'StartText', 'FinishText', 'DurationText',
    'Start', 'Finish', 'Duration', 'ManualStart', 'ManualFinish', 'ManualDuration', 'DurationFormat',
    'FreeformDurationFormat', 'Work', 'Stop', 'Resume', 'ResumeValid', 'EffortDriven', 'Recurring',
    'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'DisplayAsSummary', 'Critical', 'IsSubproject',
    'IsSubprojectReadOnly', 'SubprojectName', 'ExternalTask', 'ExternalTaskProject', 'EarlyStart',
    'EarlyFinish', 'LateStart', 'LateFinish', 'StartVariance', 'FinishVariance', 'WorkVariance',
    'FreeSlack', 'TotalSlack', 'StartSlack', 'FinishSlack', 'FixedCost', 'FixedCostAccrual',
    'PercentComplete', 'PercentWorkComplete', 'Cost', 'OvertimeCost', 'OvertimeWork', 'ActualStart',
    'ActualFinish', 'ActualDuration', 'ActualCost', 'ActualOvertimeCost', 'ActualWork',
    'ActualOvertimeWork', 'RegularWork', 'RemainingDuration', 'RemainingCost', 'RemainingWork',
    'RemainingOvertimeCost', 'RemainingOvertimeWork', 'ACWP', 'CV', 'ConstraintType', 'CalendarUID',
    'ConstraintDate', 'Deadline', 'LevelAssignments', 'LevelingCanSplit', 'LevelingDelay',
    'LevelingDelayFormat', 'PreLeveledStart', 'PreLeveledFinish', 'Hyperlink', 'HyperlinkAddress',
    'HyperlinkSubAddress', 'IgnoreResourceCalendar', 'Notes', 'HideBar', 'Rollup', 'BCWS', 'BCWP',
    'PhysicalPercentComplete', 'EarnedValueMethod', 'PredecessorLink', 'ActualWorkProtected',
    'ActualOvertimeWorkProtected', 'IsPublished', 'StatusManager', 'CommitmentStart', 'CommitmentFinish',
    'CommitmentType', 'Baseline', 'ExtendedAttribute', 'OutlineCode', 'TimephasedData',
    'BoardStatusColumnOrderingID', 'SprintColumnOrderingID', 'NextAvailableBoardStatusColumnOrderingID',
    'NextAvailableSprintOrderingID',
  ],
  PredecessorLink: ['PredecessorUID', 'Type', 'CrossProject', 'CrossProjectName', 'LinkLag', 'LagFormat'],
  'Task/Baseline': [
    'TimephasedData', 'Number', 'Interim', 'Start', 'Finish', 'Duration', 'DurationFormat',
    'EstimatedDuration', 'Work', 'Cost', 'BCWS', 'BCWP',
  ],
  Resource: [
    'UID', 'GUID', 'ID', 'Name', 'Type', 'IsNull', 'Initials', 'Phonetics', 'NTAccount', 'MaterialLabel',
    'Code', 'Group', 'WorkGroup', 'EmailAddress', 'Hyperlink', 'HyperlinkAddress', 'HyperlinkSubAddress',
    'MaxUnits', 'PeakUnits', 'OverAllocated', 'AvailableFrom', 'AvailableTo', 'Start', 'Finish',
    'CanLevel', 'AccrueAt', 'Work', 'RegularWork', 'OvertimeWork', 'ActualWork', 'RemainingWork',
    'ActualOvertimeWork', 'RemainingOvertimeWork', 'PercentWorkComplete', 'StandardRate',
    'StandardRateFormat', 'Cost', 'OvertimeRate', 'OvertimeRateFormat', 'OvertimeCost', 'CostPerUse',
    'ActualCost', 'ActualOvertimeCost', 'RemainingCost', 'RemainingOvertimeCost', 'WorkVariance',
    'CostVariance', 'SV', 'CV', 'ACWP', 'CalendarUID', 'Notes', 'BCWS', 'BCWP', 'IsGeneric', 'IsInactive',
    'IsEnterprise', 'BookingType', 'ActualWorkProtected', 'ActualOvertimeWorkProtected', 'ActiveDirectoryGUID',
    'CreationDate', 'Baseline', 'IsCostResource', 'AssnOwner', 'AssnOwnerGuid', 'IsBudget',
    'ExtendedAttribute', 'Rates', 'AvailabilityPeriods', 'OutlineCode', 'TimephasedData',
  ],
  Assignment: [
    'UID', 'GUID', 'TaskUID', 'ResourceUID', 'PercentWorkComplete', 'ActualCost', 'ActualFinish',
    'ActualOvertimeCost', 'ActualOvertimeWork', 'ActualStart', 'ActualWork', 'ACWP', 'Confirmed', 'Cost',
    'CostRateTable', 'RateScale', 'CostVariance', 'CV', 'Delay', 'Finish', 'FinishVariance',
    'WorkVariance', 'HasFixedRateUnits', 'FixedMaterial', 'Hyperlink', 'HyperlinkAddress',
    'HyperlinkSubAddress', 'LevelingDelay', 'LevelingDelayFormat', 'LinkedFields', 'Milestone', 'Notes', 'Overallocated',
    'OvertimeCost', 'OvertimeWork', 'PeakUnits', 'RegularWork', 'RemainingCost', 'RemainingOvertimeCost',
    'RemainingOvertimeWork', 'RemainingWork', 'ResponsePending', 'Start', 'Stop', 'Resume',
    'StartVariance', 'Units', 'UpdateNeeded', 'VAC', 'Work', 'WorkContour', 'BCWS', 'BCWP', 'BookingType',
    'ActualWorkProtected', 'ActualOvertimeWorkProtected', 'CreationDate', 'AssnOwner', 'AssnOwnerGuid',
    'BudgetCost', 'BudgetWork', 'ExtendedAttribute', 'Baseline', 'TimephasedData',
  ],
} as const satisfies Record<string, readonly string[]>;

export type OrderedElement = keyof typeof MSPDI_ORDER;

/** The order list that applies to an element, given its parent's name (for `Baseline`). */
export function orderOf(name: string, parent: string): readonly string[] | undefined {
  if (name === 'Baseline') return parent === 'Task' ? MSPDI_ORDER['Task/Baseline'] : undefined;
  return (MSPDI_ORDER as Record<string, readonly string[]>)[name];
}
