import type { Budget, ThreePublicItem } from './budget.ts';

function emptyThreePublicItem(): ThreePublicItem {
  return { amount: null, priorYear: null, reason: null };
}

/** A budget with nothing stated: the starting point for importers and editors. */
export function emptyBudget(kind: Budget['kind'] = 'budget'): Budget {
  return {
    kind,
    fiscalYear: null,
    title: null,
    department: {
      name: '',
      code: null,
      nature: null,
      rank: null,
      fundingForm: null,
      internalBodies: [],
      duties: [],
    },
    revenue: [],
    stated: {
      revenueTotal: null,
      expenditureTotal: null,
      generalPublicBudget: null,
      basicExpenditure: null,
      personnel: null,
      publicExpenses: null,
      projectExpenditure: null,
    },
    expenditureLines: [],
    operatingExpenses: { total: null, items: [] },
    threePublic: {
      total: emptyThreePublicItem(),
      overseasTravel: emptyThreePublicItem(),
      vehicleTotal: emptyThreePublicItem(),
      vehiclePurchase: emptyThreePublicItem(),
      vehicleOperation: emptyThreePublicItem(),
      reception: emptyThreePublicItem(),
      vehicleUse: null,
    },
    changes: [],
    performance: { overall: [], dutyTargets: [], activities: [], projectCount: null, projectFunds: null },
    procurement: { total: null, items: [], statedNone: false },
    assets: {
      asOf: null,
      total: null,
      fixed: null,
      buildings: null,
      buildingArea: null,
      vehicles: null,
      vehicleValue: null,
      equipmentCount: null,
      equipmentThreshold: null,
      change: null,
      changes: [],
      tableTotal: null,
      statedNone: false,
    },
    glossary: [],
    otherNotes: [],
    dates: { approved: null, published: null },
    sections: [],
    tables: [],
  };
}
