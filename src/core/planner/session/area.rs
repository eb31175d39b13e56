//! The study area in the session: a boundary ([`crate::core::io::boundary`]) keeps the demand and
//! the candidate sites inside it, and says how many fell outside — they are left out of the plan,
//! never silently. Existing canteens are kept wherever they are: one just outside still serves
//! the people inside near the edge.

use serde::{Deserialize, Serialize};

use super::super::data::{Demand, Sites};
use crate::core::geo::{LocalProjection, LonLat};
use crate::core::io::boundary::Boundary;
use crate::core::io::crs::Crs;

/// A loaded boundary.
#[derive(Clone, Debug)]
pub struct StudyArea {
    /// The file's name.
    pub name: String,
    /// The coordinate system it was drawn in.
    pub crs: Crs,
    /// Its polygons, in WGS84.
    pub boundary: Boundary,
}

/// The points of one kind outside the study area.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outside {
    /// Points outside.
    pub outside: usize,
    /// Points in all.
    pub of: usize,
    /// Older people at the points outside (demand only).
    pub people: f64,
    /// The first few names of the points outside (candidates only).
    pub names: Vec<String>,
}

/// What a boundary keeps and leaves out, for its card and the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoundaryReport {
    /// The file's name.
    pub name: String,
    /// The coordinate system it was drawn in.
    pub crs: Crs,
    /// The areas' names (those that have one).
    pub areas: Vec<String>,
    /// How many areas (features with polygons).
    pub area_count: usize,
    /// Features that were not polygons, left out.
    pub skipped: usize,
    /// The demand outside (when demand is loaded).
    pub demand: Option<Outside>,
    /// The candidate sites outside (when they are loaded).
    pub candidates: Option<Outside>,
}

/// How many names of points outside a report lists.
pub const NAMES_LISTED: usize = 5;

/// Keeps the entries of `v` whose `keep` is true (all of `v` when the lengths differ: a column
/// the data does not fill, such as the rows of a raster's cells).
fn keep<T: Clone>(v: &[T], keep: &[bool]) -> Vec<T> {
    if v.len() != keep.len() {
        return v.to_vec();
    }
    v.iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| x.clone()).collect()
}

/// The demand inside (`inside[i]` for each point).
pub fn clip_demand(d: &Demand, inside: &[bool]) -> Demand {
    Demand {
        points: keep(&d.points, inside),
        counts: keep(&d.counts, inside),
        extras: d.extras.iter().map(|e| keep(e, inside)).collect(),
        extra_names: d.extra_names.clone(),
        names: if d.names.len() == inside.len() {
            d.names.iter().zip(inside).filter(|(_, k)| **k).map(|(n, _)| n).collect()
        } else {
            d.names.clone()
        },
        area_m2: keep(&d.area_m2, inside),
        rows: keep(&d.rows, inside),
    }
}

/// The sites inside.
pub fn clip_sites(s: &Sites, inside: &[bool]) -> Sites {
    Sites {
        points: keep(&s.points, inside),
        names: keep(&s.names, inside),
        capacity: keep(&s.capacity, inside),
        cost: keep(&s.cost, inside),
        rows: keep(&s.rows, inside),
    }
}

impl StudyArea {
    /// What the boundary leaves out of `demand` and `candidates`.
    pub fn report(&self, demand: Option<&Demand>, candidates: Option<&Sites>) -> BoundaryReport {
        let demand = demand.map(|d| {
            let inside = self.boundary.inside(&d.points);
            let people = d.counts.iter().zip(&inside).filter(|(_, i)| !**i).map(|(c, _)| *c).sum();
            Outside { outside: inside.iter().filter(|i| !**i).count(), of: d.points.len(), people, names: Vec::new() }
        });
        let candidates = candidates.map(|s| {
            let inside = self.boundary.inside(&s.points);
            let names = s.names.iter().zip(&inside).filter(|(_, i)| !**i).map(|(n, _)| n.clone()).take(NAMES_LISTED).collect();
            Outside { outside: inside.iter().filter(|i| !**i).count(), of: s.points.len(), people: 0.0, names }
        });
        BoundaryReport {
            name: self.name.clone(),
            crs: self.crs,
            areas: self.boundary.names(),
            area_count: self.boundary.areas.len(),
            skipped: self.boundary.skipped,
            demand,
            candidates,
        }
    }

    /// The rings in map metres (east, north of `origin`), for the map.
    pub fn rings_on_map(&self, origin: LonLat) -> Vec<Vec<(f64, f64)>> {
        let proj = LocalProjection::new(origin);
        self.boundary
            .areas
            .iter()
            .flat_map(|a| &a.polygons)
            .flat_map(|p| &p.rings)
            .map(|r| r.iter().map(|&q| proj.forward(q)).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::io::boundary::read;

    /// A 4 × 4 square with a 2 × 2 hole in its middle (1..3 east and north).
    fn area() -> StudyArea {
        let b = read(
            r#"{"type":"Feature","properties":{"name":"和平街道"},"geometry":{"type":"Polygon","coordinates":[
                [[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,3],[3,3],[3,1],[1,1]]]}}"#,
            Crs::Wgs84,
        )
        .expect("boundary");
        StudyArea { name: "b.geojson".into(), crs: Crs::Wgs84, boundary: b }
    }

    #[test]
    fn demand_and_sites_outside_are_counted_and_left_out() {
        let a = area();
        // (0.5, 0.5) inside; (2, 2) in the hole; (5, 5) beyond; (3.5, 3.5) inside.
        let points = vec![LonLat::new(0.5, 0.5), LonLat::new(2.0, 2.0), LonLat::new(5.0, 5.0), LonLat::new(3.5, 3.5)];
        let demand = Demand {
            points: points.clone(),
            counts: vec![10.0, 20.0, 30.0, 40.0],
            extras: vec![vec![1.0, 2.0, 3.0, 4.0]],
            extra_names: vec!["80岁以上".into()],
            names: ["甲", "乙", "丙", "丁"].into_iter().collect(),
            area_m2: vec![f64::NAN; 4],
            rows: Vec::new(),
        };
        let sites = Sites {
            points: points.clone(),
            names: vec!["一号".into(), "二号".into(), "三号".into(), "四号".into()],
            capacity: vec![100.0; 4],
            cost: vec![f64::NAN; 4],
            rows: Vec::new(),
        };
        let r = a.report(Some(&demand), Some(&sites));
        // Two of four points outside (the hole's and the far one): 20 + 30 = 50 people.
        assert_eq!(r.demand, Some(Outside { outside: 2, of: 4, people: 50.0, names: Vec::new() }));
        assert_eq!(r.candidates, Some(Outside { outside: 2, of: 4, people: 0.0, names: vec!["二号".into(), "三号".into()] }));
        assert_eq!((r.areas.clone(), r.area_count, r.skipped), (vec!["和平街道".to_string()], 1, 0));

        let inside = a.boundary.inside(&demand.points);
        let d = clip_demand(&demand, &inside);
        assert_eq!(
            (d.counts.clone(), d.extras.clone(), d.names.clone()),
            (vec![10.0, 40.0], vec![vec![1.0, 4.0]], ["甲", "丁"].into_iter().collect())
        );
        assert!(d.rows.is_empty(), "a column the data does not fill stays as it is");
        let s = clip_sites(&sites, &a.boundary.inside(&sites.points));
        assert_eq!((s.names.clone(), s.capacity.clone()), (vec!["一号".to_string(), "四号".to_string()], vec![100.0, 100.0]));
        assert_eq!(a.report(None, None).demand, None, "nothing loaded, nothing to say");
    }

    #[test]
    fn the_rings_are_drawn_in_map_metres() {
        let rings = area().rings_on_map(LonLat::new(0.0, 0.0));
        assert_eq!(rings.len(), 2, "the outer ring and the hole");
        // (4, 0) is 4° east of the origin on the equator: 4 × 111,195 m.
        let (x, y) = rings[0][1];
        assert!((x - 4.0 * 111_195.0).abs() < 100.0 && y.abs() < 1.0, "{x} {y}");
    }
}
