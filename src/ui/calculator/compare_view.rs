//! The same person under every loaded policy, side by side, as a table.

use yew::prelude::*;

use super::state::LoadedPolicy;
use super::text::calc_texts;
use crate::core::policy::calc::Outcome;
use crate::core::policy::explain::money;
use crate::core::Locale;

/// Properties of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Every policy.
    pub policies: Vec<LoadedPolicy>,
    /// The outcome under each, in the same order.
    pub outcomes: Vec<Outcome>,
    /// Interface language.
    pub locale: Locale,
}

/// The comparison table.
#[function_component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let rows = props.policies.iter().zip(&props.outcomes).map(|(p, o)| {
        let name = format!("{} · {}", p.policy.region.get(l), p.policy.name.get(l));
        let cells = match o {
            Outcome::Single(a) => {
                let version = a.version.as_ref().and_then(|id| p.policy.versions.iter().find(|v| &v.id == id));
                vec![
                    version.map_or_else(|| t.not_in_force.to_string(), |v| v.label.get(l).to_string()),
                    money(a.subsidy, l),
                    a.pay.map(|x| money(x, l)).unwrap_or_else(|| "—".into()),
                    a.tier.clone().unwrap_or_else(|| "—".into()),
                    money(a.limits.max_month, l),
                ]
            }
            Outcome::Range(r) => vec![
                "—".into(),
                format!("{} – {}", money(r.min.subsidy, l), money(r.max.subsidy, l)),
                match (r.max.pay, r.min.pay) {
                    (Some(a), Some(b)) => format!("{} – {}", money(a, l), money(b, l)),
                    _ => "—".into(),
                },
                "—".into(),
                format!("{} – {}", money(r.min.limits.max_month, l), money(r.max.limits.max_month, l)),
            ],
            Outcome::Blocked { failed, total } => vec![format!("{}{failed} / {total}", t.blocked), "—".into(), "—".into(), "—".into(), "—".into()],
            _ => vec!["—".into(); 5],
        };
        html! {
            <tr>
                <th scope="row">{ name }</th>
                { for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }
            </tr>
        }
    });
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ t.compare_heading }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-caption">
                <table>
                    <caption id="compare-caption">{ t.compare_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_policy }</th>
                            <th scope="col">{ t.col_version }</th>
                            <th scope="col">{ t.col_subsidy }</th>
                            <th scope="col">{ t.col_pay }</th>
                            <th scope="col">{ t.col_tier }</th>
                            <th scope="col">{ t.col_month }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
