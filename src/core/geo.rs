//! Points on the Earth and distances between them: the WGS84 position every layer shares (the
//! file readers in [`crate::core::io`], the planner in [`crate::core::planner`]), great-circle
//! distances, the bounds the spatial index needs and a local flat projection for drawing.
//!
//! # Units
//! Longitude and latitude in WGS84 degrees; distances in metres, great-circle on a sphere of radius
//! 6,371,008.8 m (the `geo` crate's `Haversine`, the mean radius the reference checker uses too).

use ::geo::{Distance, Haversine};
use serde::{Deserialize, Serialize};

/// The mean Earth radius used for every distance, in metres.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A WGS84 position.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

impl LonLat {
    /// A position.
    pub const fn new(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    /// Is it a real position (finite, latitude within ±90°, longitude within ±180°)?
    pub fn is_valid(self) -> bool {
        self.lon.is_finite() && self.lat.is_finite() && self.lat.abs() <= 90.0 && self.lon.abs() <= 180.0
    }

    fn point(self) -> ::geo::Point<f64> {
        ::geo::Point::new(self.lon, self.lat)
    }
}

/// Great-circle distance in metres.
///
/// ```
/// use zhucan::core::geo::{distance_m, LonLat};
/// // One degree of latitude is about 111.2 km.
/// let d = distance_m(LonLat::new(113.0, 23.0), LonLat::new(113.0, 24.0));
/// assert!((d - 111_195.08).abs() < 0.01);
/// ```
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    Haversine.distance(a.point(), b.point())
}

/// The angular radius (radians) of a circle of `radius_m` metres on the Earth.
pub fn angular_radius(radius_m: f64) -> f64 {
    radius_m / EARTH_RADIUS_M
}

/// The largest longitude difference (radians) from `center_lat` (radians) that a point within the
/// angular radius `theta` can have, over the latitude band `[lat_lo, lat_hi]` (radians). `None` when
/// the circle reaches a pole (every longitude is possible).
///
/// On a sphere the circle's longitude extent at latitude φ solves
/// `cos θ = sin φc sin φ + cos φc cos φ cos Δλ`; it is unimodal in φ with its peak at
/// `sin φ* = sin φc / cos θ`, so the maximum over a band is at one of its ends or at φ*.
pub fn lon_half_width(center_lat: f64, theta: f64, lat_lo: f64, lat_hi: f64) -> Option<f64> {
    if center_lat.abs() + theta >= std::f64::consts::FRAC_PI_2 {
        return None;
    }
    let dlon = |phi: f64| -> f64 {
        let denom = center_lat.cos() * phi.cos();
        if denom <= 0.0 {
            return std::f64::consts::PI;
        }
        let c = ((theta.cos() - center_lat.sin() * phi.sin()) / denom).clamp(-1.0, 1.0);
        c.acos()
    };
    let lo = lat_lo.max(center_lat - theta);
    let hi = lat_hi.min(center_lat + theta);
    if lo > hi {
        return Some(0.0);
    }
    let peak = (center_lat.sin() / theta.cos()).clamp(-1.0, 1.0).asin().clamp(lo, hi);
    Some(dlon(lo).max(dlon(hi)).max(dlon(peak)))
}

/// A local flat projection (equirectangular around a centre), metres east and north: good for
/// drawing a city and for grids, not for measuring (use [`distance_m`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalProjection {
    lon0: f64,
    lat0: f64,
    cos_lat0: f64,
}

impl LocalProjection {
    /// Centred on `center`.
    pub fn new(center: LonLat) -> LocalProjection {
        LocalProjection { lon0: center.lon, lat0: center.lat, cos_lat0: center.lat.to_radians().cos() }
    }

    /// Metres east and north of the centre.
    pub fn forward(&self, p: LonLat) -> (f64, f64) {
        let x = (p.lon - self.lon0).to_radians() * EARTH_RADIUS_M * self.cos_lat0;
        let y = (p.lat - self.lat0).to_radians() * EARTH_RADIUS_M;
        (x, y)
    }

    /// Back to longitude and latitude.
    pub fn inverse(&self, x: f64, y: f64) -> LonLat {
        let lat = self.lat0 + (y / EARTH_RADIUS_M).to_degrees();
        let lon = self.lon0 + (x / (EARTH_RADIUS_M * self.cos_lat0)).to_degrees();
        LonLat::new(lon, lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lon_half_width_bounds_every_point_of_the_circle() {
        // Points exactly on the circle, every 1°, at several latitudes: their longitude difference
        // never exceeds the computed half-width for the band containing them.
        for center_lat in [0.0f64, 23.0, 45.0, 60.0, -35.0] {
            for radius_m in [500.0, 1000.0, 40_000.0] {
                let c = LonLat::new(113.0, center_lat);
                let theta = angular_radius(radius_m);
                let full = lon_half_width(center_lat.to_radians(), theta, -1.6, 1.6).expect("no pole");
                for deg in 0..360 {
                    let bearing = (deg as f64).to_radians();
                    // Destination on a sphere.
                    let (phi1, l1) = (c.lat.to_radians(), c.lon.to_radians());
                    let phi2 = (phi1.sin() * theta.cos() + phi1.cos() * theta.sin() * bearing.cos()).asin();
                    let l2 = l1 + (bearing.sin() * theta.sin() * phi1.cos()).atan2(theta.cos() - phi1.sin() * phi2.sin());
                    assert!((l2 - l1).abs() <= full + 1e-12, "{center_lat} {radius_m} {deg}");
                    let band = lon_half_width(phi1, theta, phi2 - 1e-9, phi2 + 1e-9).expect("band");
                    assert!((l2 - l1).abs() <= band + 1e-9, "band {center_lat} {radius_m} {deg}");
                }
            }
        }
    }

    #[test]
    fn poles_give_no_bound() {
        assert_eq!(lon_half_width(89.99f64.to_radians(), angular_radius(5000.0), -1.6, 1.6), None);
    }

    #[test]
    fn projection_round_trips() {
        let proj = LocalProjection::new(LonLat::new(113.3, 23.1));
        let p = LonLat::new(113.35, 23.08);
        let (x, y) = proj.forward(p);
        let back = proj.inverse(x, y);
        assert!((back.lon - p.lon).abs() < 1e-12 && (back.lat - p.lat).abs() < 1e-12);
        assert!((x - 5117.0).abs() < 10.0 && (y + 2224.0).abs() < 10.0, "{x} {y}");
    }
}
