//! Coordinate systems used for Chinese map data, converted to WGS84 on import.
//!
//! - **WGS84**: GPS, OpenStreetMap, most GIS exports.
//! - **GCJ-02** ("Mars coordinates"): Amap/Gaode, Tencent and Google China maps. A deliberate,
//!   nonlinear offset of about 300–600 m inside mainland China.
//! - **BD-09**: Baidu maps; GCJ-02 with a further offset.
//!
//! At a 500–1000 m service radius the offset changes which residents a site covers, so data must
//! be converted. The formulas are the widely published ones (Krasovsky 1940 ellipsoid constants for
//! GCJ-02; Baidu's published BD-09 transform); GCJ-02 → WGS84 has no closed form and is inverted by
//! fixed-point iteration to millimetres. Outside mainland China GCJ-02 equals WGS84.

use serde::{Deserialize, Serialize};

use crate::core::geo::LonLat;

/// A coordinate system of input data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Crs {
    /// GPS / WGS84.
    #[default]
    Wgs84,
    /// Amap / Gaode / Tencent (GCJ-02).
    Gcj02,
    /// Baidu (BD-09).
    Bd09,
}

impl Crs {
    /// Every system.
    pub const ALL: [Crs; 3] = [Crs::Wgs84, Crs::Gcj02, Crs::Bd09];

    /// The identifier used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Crs::Wgs84 => "wgs84",
            Crs::Gcj02 => "gcj02",
            Crs::Bd09 => "bd09",
        }
    }

    /// Reads an identifier.
    pub fn from_code(code: &str) -> Option<Crs> {
        Crs::ALL.into_iter().find(|c| c.code() == code.trim().to_ascii_lowercase())
    }

    /// Converts a position in this system to WGS84.
    pub fn to_wgs84(self, p: LonLat) -> LonLat {
        match self {
            Crs::Wgs84 => p,
            Crs::Gcj02 => gcj02_to_wgs84(p),
            Crs::Bd09 => gcj02_to_wgs84(bd09_to_gcj02(p)),
        }
    }

    /// Converts a WGS84 position into this system.
    pub fn from_wgs84(self, p: LonLat) -> LonLat {
        match self {
            Crs::Wgs84 => p,
            Crs::Gcj02 => wgs84_to_gcj02(p),
            Crs::Bd09 => gcj02_to_bd09(wgs84_to_gcj02(p)),
        }
    }
}

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
const X_PI: f64 = std::f64::consts::PI * 3000.0 / 180.0;

/// Roughly mainland China, where the GCJ-02 offset applies.
pub fn in_china(p: LonLat) -> bool {
    (72.004..=137.8347).contains(&p.lon) && (0.8293..=55.8271).contains(&p.lat)
}

fn transform_lat(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn transform_lon(x: f64, y: f64) -> f64 {
    use std::f64::consts::PI;
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS84 → GCJ-02.
pub fn wgs84_to_gcj02(p: LonLat) -> LonLat {
    if !in_china(p) {
        return p;
    }
    use std::f64::consts::PI;
    let dlat = transform_lat(p.lon - 105.0, p.lat - 35.0);
    let dlon = transform_lon(p.lon - 105.0, p.lat - 35.0);
    let rad_lat = p.lat / 180.0 * PI;
    let magic = 1.0 - EE * rad_lat.sin() * rad_lat.sin();
    let sqrt_magic = magic.sqrt();
    let dlat = (dlat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlon = (dlon * 180.0) / (A / sqrt_magic * rad_lat.cos() * PI);
    LonLat::new(p.lon + dlon, p.lat + dlat)
}

/// GCJ-02 → WGS84, by fixed-point iteration on the forward transform (to about a millimetre).
pub fn gcj02_to_wgs84(g: LonLat) -> LonLat {
    if !in_china(g) {
        return g;
    }
    let mut w = g;
    for _ in 0..30 {
        let f = wgs84_to_gcj02(w);
        let (dlon, dlat) = (f.lon - g.lon, f.lat - g.lat);
        w = LonLat::new(w.lon - dlon, w.lat - dlat);
        if dlon.abs() < 1e-10 && dlat.abs() < 1e-10 {
            break;
        }
    }
    w
}

/// GCJ-02 → BD-09.
pub fn gcj02_to_bd09(p: LonLat) -> LonLat {
    let (x, y) = (p.lon, p.lat);
    let z = (x * x + y * y).sqrt() + 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000_003 * (x * X_PI).cos();
    LonLat::new(z * theta.cos() + 0.0065, z * theta.sin() + 0.006)
}

/// BD-09 → GCJ-02: the published approximate inverse, refined by fixed-point iteration on the
/// forward transform (the approximate inverse alone is off by a few centimetres).
pub fn bd09_to_gcj02(p: LonLat) -> LonLat {
    let (x, y) = (p.lon - 0.0065, p.lat - 0.006);
    let z = (x * x + y * y).sqrt() - 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000_003 * (x * X_PI).cos();
    let mut g = LonLat::new(z * theta.cos(), z * theta.sin());
    for _ in 0..10 {
        let f = gcj02_to_bd09(g);
        let (dlon, dlat) = (f.lon - p.lon, f.lat - p.lat);
        g = LonLat::new(g.lon - dlon, g.lat - dlat);
        if dlon.abs() < 1e-11 && dlat.abs() < 1e-11 {
            break;
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::distance_m;

    #[test]
    fn the_offset_in_guangzhou_is_a_few_hundred_metres() {
        // Tianhe, Guangzhou: GCJ-02 moves a WGS84 point by roughly 300–600 m.
        let w = LonLat::new(113.3245, 23.1291);
        let g = wgs84_to_gcj02(w);
        let d = distance_m(w, g);
        assert!((300.0..700.0).contains(&d), "offset {d} m");
        let b = gcj02_to_bd09(g);
        assert!(distance_m(g, b) > 500.0, "BD-09 adds its own offset");
    }

    #[test]
    fn conversions_round_trip_within_millimetres() {
        for (lon, lat) in [(113.32, 23.13), (116.40, 39.90), (121.47, 31.23), (87.6, 43.8), (126.6, 45.7)] {
            let w = LonLat::new(lon, lat);
            for crs in Crs::ALL {
                let back = crs.to_wgs84(crs.from_wgs84(w));
                assert!(distance_m(w, back) < 0.005, "{crs:?} at {lon},{lat}: {} m", distance_m(w, back));
            }
        }
    }

    #[test]
    fn outside_china_gcj_is_wgs() {
        let london = LonLat::new(-0.1278, 51.5074);
        assert_eq!(wgs84_to_gcj02(london), london);
        assert_eq!(gcj02_to_wgs84(london), london);
    }

    #[test]
    fn codes_round_trip() {
        for c in Crs::ALL {
            assert_eq!(Crs::from_code(c.code()), Some(c));
        }
        assert_eq!(Crs::from_code(" GCJ02 "), Some(Crs::Gcj02));
    }
}
