import type { Target } from "../catalog/schema";

/** Whether a value meets a target, as the catalog states the comparison. */
export function meetsTarget(value: number, target: Target): boolean {
  switch (target.comparison) {
    case "below":
      return value < target.value;
    case "at_most":
      return value <= target.value;
    case "above":
      return value > target.value;
    case "at_least":
      return value >= target.value;
  }
}
