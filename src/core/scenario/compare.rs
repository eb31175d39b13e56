//! Who gains and who loses when the policy changes: each group's yearly subsidy per user under two
//! policies, and the same averaged over the groups of one age band and hardship category.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cost::GroupCost;
use super::mix::Group;
use crate::core::money::Fen;
use crate::core::policy::Hardship;

/// Who gains and who loses between two policies: per group, the yearly subsidy per user under
/// each, and the difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupChange {
    /// The group.
    pub group: Group,
    /// Per user per year under the first policy.
    pub before: Fen,
    /// Under the second.
    pub after: Fen,
}

impl GroupChange {
    /// After minus before.
    pub fn change(&self) -> Fen {
        self.after - self.before
    }
}

/// Compares two costings of the same groups (same shares and assumptions).
pub fn compare(before: &[GroupCost], after: &[GroupCost]) -> Vec<GroupChange> {
    before.iter().zip(after).map(|(b, a)| GroupChange { group: b.group.clone(), before: b.subsidy_year, after: a.subsidy_year }).collect()
}

/// The yearly subsidy per user of one age band and hardship category under two policies, in yuan
/// (the average over its groups, weighted by their shares).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeRow {
    /// Index into [`super::AGE_BANDS`].
    pub age_band: usize,
    /// Hardship category.
    pub hardship: Hardship,
    /// Per user per year under the first policy, yuan.
    pub before: f64,
    /// Under the second, yuan.
    pub after: f64,
}

/// The changes by age band and hardship category, biggest gain first (equal gains in band and
/// category order).
pub fn changes_by_age_and_hardship(before: &[GroupCost], after: &[GroupCost]) -> Vec<ChangeRow> {
    let mut agg: BTreeMap<(usize, u8), (Hardship, f64, f64, f64)> = BTreeMap::new();
    for c in compare(before, after) {
        let key = (c.group.age_band, c.group.hardship as u8);
        let e = agg.entry(key).or_insert((c.group.hardship, 0.0, 0.0, 0.0));
        e.1 += c.group.share * c.before.0 as f64 / 100.0;
        e.2 += c.group.share * c.after.0 as f64 / 100.0;
        e.3 += c.group.share;
    }
    let mut rows: Vec<ChangeRow> = agg
        .into_iter()
        .filter(|(_, v)| v.3 > 0.0)
        .map(|((age_band, _), (hardship, b, a, w))| ChangeRow { age_band, hardship, before: b / w, after: a / w })
        .collect();
    rows.sort_by(|x, y| (y.after - y.before).total_cmp(&(x.after - x.before)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::{CareLevel, Hukou};

    fn cost(age_band: usize, hardship: Hardship, care: CareLevel, share: f64, yuan: i64) -> GroupCost {
        let group = Group { age_band, hardship, care, hukou: Hukou::Local, share };
        GroupCost { group, subsidy_year: Fen::yuan(yuan), meals_year: 0, by_level: [0.0; 4], operator_year: Fen::ZERO }
    }

    #[test]
    fn changes_are_averaged_by_share_within_a_band_and_category() {
        // 80–99 without hardship: share 0.3 at 600 → 900 yuan and share 0.1 (severely disabled)
        // at 1,000 → 1,000. Before: (0.3 × 600 + 0.1 × 1,000) / 0.4 = 280 / 0.4 = 700;
        // after: (0.3 × 900 + 0.1 × 1,000) / 0.4 = 370 / 0.4 = 925: a gain of 225.
        // 60–64 on 低保: share 0.6 at 500 → 400: a loss of 100.
        let before = [
            cost(3, Hardship::None, CareLevel::None, 0.3, 600),
            cost(3, Hardship::None, CareLevel::Severe, 0.1, 1000),
            cost(0, Hardship::Dibao, CareLevel::None, 0.6, 500),
        ];
        let after = [
            cost(3, Hardship::None, CareLevel::None, 0.3, 900),
            cost(3, Hardship::None, CareLevel::Severe, 0.1, 1000),
            cost(0, Hardship::Dibao, CareLevel::None, 0.6, 400),
        ];
        assert_eq!(compare(&before, &after)[0].change(), Fen::yuan(300));
        let rows = changes_by_age_and_hardship(&before, &after);
        assert_eq!(rows.len(), 2);
        // The gain first, though band 0 comes before band 3.
        assert_eq!((rows[0].age_band, rows[0].hardship), (3, Hardship::None));
        assert!((rows[0].before - 700.0).abs() < 1e-9 && (rows[0].after - 925.0).abs() < 1e-9, "{:?}", rows[0]);
        assert_eq!((rows[1].age_band, rows[1].hardship), (0, Hardship::Dibao));
        assert!((rows[1].before - 500.0).abs() < 1e-9 && (rows[1].after - 400.0).abs() < 1e-9, "{:?}", rows[1]);
        assert!(changes_by_age_and_hardship(&[], &[]).is_empty());
    }
}
