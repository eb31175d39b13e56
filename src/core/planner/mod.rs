//! Canteen site planning: demand, candidates, spatial index, scoring and site selection.
//! (Filled in by the site-planner work.)
