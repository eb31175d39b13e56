//! The policy studio's words, zh-CN first, English second. Each language is one value of
//! [`StudioTexts`], so a string missing from either is a compile error.

use crate::core::Locale;

/// Every fixed string of the policy studio.
#[derive(Debug)]
pub struct StudioTexts {
    /// Start from
    pub start_heading: &'static str,
    /// Start from a blank template, or open a listed policy or a policy file you saved and change it. Starting again replaces what is being edited on this page.
    pub start_hint: &'static str,
    /// New (blank template)
    pub start_blank: &'static str,
    /// A listed policy
    pub start_preset: &'static str,
    /// Open this policy
    pub open_preset: &'static str,
    /// Open a policy file
    pub open_file: &'static str,
    /// A blank policy was started.
    pub started_blank: &'static str,
    /// Reading the policy…
    pub fetching: &'static str,
    /// The policy could not be read; the connection may be down. Check it and try again.
    pub fetch_failed: &'static str,
    /// Copied to the clipboard.
    pub copied: &'static str,
    /// Could not copy. Open “Show the policy file” below, select it and copy it yourself.
    pub copy_failed: &'static str,
    /// The policy was opened in the calculator.
    pub opened_in_calculator: &'static str,
    /// It could not be opened in the calculator. Download the policy file, then load it in the calculator.
    pub calculator_unavailable: &'static str,
    /// Check
    pub check_heading: &'static str,
    /// Please fix these problems (each links to its field):
    pub problems_title: &'static str,
    /// Name and region
    pub basics_heading: &'static str,
    /// Policy id
    pub policy_id: &'static str,
    /// Policy name
    pub policy_name: &'static str,
    /// Region
    pub policy_region: &'static str,
    /// Summary (two or three plain sentences: who gets it, how much per meal)
    pub policy_summary: &'static str,
    /// What the document leaves open
    pub gaps_heading: &'static str,
    /// Write down what the document does not say; never guess.
    pub gaps_hint: &'static str,
    /// Add one
    pub add_gap: &'static str,
    /// Chinese
    pub in_chinese: &'static str,
    /// English (may be left blank)
    pub in_english: &'static str,
    /// Id
    pub item_id: &'static str,
    /// Sources: the documents
    pub sources_heading: &'static str,
    /// Give each document's title, issuer, number or address and date, so others can check it.
    pub sources_hint: &'static str,
    /// Title
    pub source_title: &'static str,
    /// Issuer
    pub source_issuer: &'static str,
    /// Document number
    pub source_number: &'static str,
    /// Date
    pub source_date: &'static str,
    /// Address (URL)
    pub source_url: &'static str,
    /// Confidence
    pub source_confidence: &'static str,
    /// Add a source
    pub add_source: &'static str,
    /// Quoted clauses
    pub clauses_heading: &'static str,
    /// Every amount must quote the document's own words.
    pub clauses_hint: &'static str,
    /// From which document
    pub clause_source: &'static str,
    /// The words
    pub clause_text: &'static str,
    /// These are the document's exact words
    pub clause_verbatim: &'static str,
    /// Add a clause
    pub add_clause: &'static str,
    /// Categories this policy defines
    pub categories_heading: &'static str,
    /// For example “entitled groups”. Conditions can then use them.
    pub categories_hint: &'static str,
    /// Name
    pub category_name: &'static str,
    /// Explanation
    pub category_explain: &'static str,
    /// Add a category
    pub add_category: &'static str,
    /// Versions: the rules in force from a date
    pub versions_heading: &'static str,
    /// When the rules change, add another version.
    pub versions_hint: &'static str,
    /// Version name
    pub version_label: &'static str,
    /// In force from
    pub version_from: &'static str,
    /// Clause giving the start date
    pub version_from_clause: &'static str,
    /// Last day (leave blank if none)
    pub version_until: &'static str,
    /// Note on the dates
    pub version_dates_note: &'static str,
    /// Meals covered
    pub version_meals: &'static str,
    /// Clause on the meals covered
    pub version_meals_clause: &'static str,
    /// Working days only
    pub version_workdays: &'static str,
    /// Clause on working days
    pub version_workdays_clause: &'static str,
    /// Standard meal price (when the document states one)
    pub version_reference_price: &'static str,
    /// Clause giving the standard price
    pub version_reference_price_clause: &'static str,
    /// Add a version
    pub add_version: &'static str,
    /// Who qualifies
    pub eligibility_heading: &'static str,
    /// Conditions
    pub eligibility_label: &'static str,
    /// Clause giving the conditions
    pub eligibility_clause: &'static str,
    /// No condition: every older person qualifies.
    pub everyone: &'static str,
    /// No condition: everyone who qualifies under this version.
    pub everyone_in_version: &'static str,
    /// Nobody has it free.
    pub nobody_free: &'static str,
    /// Add a condition
    pub add_condition_kind: &'static str,
    /// Add
    pub add_condition: &'static str,
    /// Parts of the subsidy and their tiers
    pub components_heading: &'static str,
    /// Parts add up; a person gets one tier of each part.
    pub components_hint: &'static str,
    /// Name
    pub component_name: &'static str,
    /// When several tiers match
    pub component_select: &'static str,
    /// Paid by
    pub component_level: &'static str,
    /// Clause on who pays
    pub component_level_clause: &'static str,
    /// Spending condition
    pub component_spend: &'static str,
    /// Amount
    pub component_spend_amount: &'static str,
    /// Clause on the spending condition
    pub component_spend_clause: &'static str,
    /// Add a part
    pub add_component: &'static str,
    /// Tier name
    pub tier_name: &'static str,
    /// Who
    pub tier_when: &'static str,
    /// How it is given
    pub tier_benefit: &'static str,
    /// Subsidy per meal
    pub tier_subsidy: &'static str,
    /// The person pays per meal
    pub tier_pay: &'static str,
    /// Percentage of the meal price
    pub tier_percent: &'static str,
    /// At most per meal
    pub tier_percent_at_most: &'static str,
    /// Clause
    pub figure_clause: &'static str,
    /// Add a tier
    pub add_tier: &'static str,
    /// Limits
    pub caps_heading: &'static str,
    /// The most meals or yuan a day, a week (Monday–Sunday) or a month; leave blank if none.
    pub caps_hint: &'static str,
    /// Meals a day at most
    pub cap_per_day: &'static str,
    /// Meals a week at most
    pub cap_per_week: &'static str,
    /// Meals a month at most
    pub cap_per_month: &'static str,
    /// Yuan a week at most
    pub cap_money_per_week: &'static str,
    /// Yuan a month at most
    pub cap_money_per_month: &'static str,
    /// Clause on the limits
    pub caps_clause: &'static str,
    /// Minimum-living standard and categories by income
    pub dibao_heading: &'static str,
    /// With the local standard, the calculator asks about income.
    pub dibao_hint: &'static str,
    /// Urban standard (per person a month)
    pub dibao_urban: &'static str,
    /// Rural standard (per person a month)
    pub dibao_rural: &'static str,
    /// Add the minimum-living standard
    pub add_dibao: &'static str,
    /// Remove the minimum-living standard
    pub remove_dibao: &'static str,
    /// Category
    pub income_hardship: &'static str,
    /// Income per person at most this percentage of the standard
    pub income_percent: &'static str,
    /// “Below”, not “at most”
    pub income_below: &'static str,
    /// Add a category by income
    pub add_income: &'static str,
    /// Home delivery
    pub delivery_heading: &'static str,
    /// Subsidy per delivery
    pub delivery_amount: &'static str,
    /// Paid to
    pub delivery_paid_to: &'static str,
    /// Add a delivery subsidy
    pub add_delivery: &'static str,
    /// Delivery fee (paid by the person each time)
    pub fee_amount: &'static str,
    /// Who has delivery free
    pub fee_free_when: &'static str,
    /// Clause on free delivery
    pub fee_free_clause: &'static str,
    /// Add a delivery fee
    pub add_fee: &'static str,
    /// Remove the delivery fee
    pub remove_fee: &'static str,
    /// Subsidies paid to the canteen
    pub operators_heading: &'static str,
    /// Amount
    pub operator_amount: &'static str,
    /// Counted per
    pub operator_per: &'static str,
    /// Only for subsidised diners
    pub operator_subsidised_only: &'static str,
    /// Add a canteen subsidy
    pub add_operator: &'static str,
    /// Notes shown with this version
    pub notes_heading: &'static str,
    /// Add a note
    pub add_note: &'static str,
    /// Hand-worked examples
    pub cases_heading: &'static str,
    /// Work them out by hand from the document, never from the preview below. Each runs at once: one that does not come out right means the policy or the example has a mistake.
    pub cases_hint: &'static str,
    /// Name
    pub case_name: &'static str,
    /// The person
    pub case_person: &'static str,
    /// The meal
    pub case_meal: &'static str,
    /// What the document gives
    pub case_expect: &'static str,
    /// Fill in only what you worked out; blank items are not checked.
    pub case_expect_hint: &'static str,
    /// How it was worked out
    pub case_why: &'static str,
    /// ✓ This example comes out right.
    pub case_passed: &'static str,
    /// ✗ This example does not come out right:
    pub case_failed: &'static str,
    /// The policy still has problems; the example runs once they are fixed.
    pub case_waiting: &'static str,
    /// Add an example
    pub add_case: &'static str,
    /// Age (years)
    pub person_age: &'static str,
    /// Household registration
    pub person_hukou: &'static str,
    /// Hardship category
    pub person_hardship: &'static str,
    /// More (birth date, care needs, disability, income…)
    pub person_more: &'static str,
    /// Date of birth
    pub person_birth_date: &'static str,
    /// Care level
    pub person_care: &'static str,
    /// Disability grade
    pub person_disability: &'static str,
    /// Special groups
    pub person_groups: &'static str,
    /// This policy's categories
    pub person_flags: &'static str,
    /// Lives in a care home
    pub person_in_care_home: &'static str,
    /// Urban or rural
    pub person_area: &'static str,
    /// Household income per person a month
    pub person_income: &'static str,
    /// Date
    pub meal_date: &'static str,
    /// Meal
    pub meal_kind: &'static str,
    /// Price
    pub meal_price: &'static str,
    /// Where
    pub meal_place: &'static str,
    /// Delivered
    pub meal_delivery: &'static str,
    /// Qualifies
    pub expect_eligible: &'static str,
    /// Subsidy
    pub expect_subsidy: &'static str,
    /// Pays
    pub expect_pay: &'static str,
    /// Delivery subsidy
    pub expect_delivery: &'static str,
    /// Delivery fee
    pub expect_delivery_fee: &'static str,
    /// Tier (its id)
    pub expect_tier: &'static str,
    /// Version (its id)
    pub expect_version: &'static str,
    /// Yes
    pub yes: &'static str,
    /// No
    pub no: &'static str,
    /// Not checked
    pub not_checked: &'static str,
    /// Not given
    pub not_given: &'static str,
    /// None
    pub none_of_them: &'static str,
    /// Not stated
    pub not_stated: &'static str,
    /// (none)
    pub no_clause: &'static str,
    /// Choose
    pub choose: &'static str,
    /// Export
    pub export_heading: &'static str,
    /// The policy has no problems. Download the file to publish it, or load it in the calculator.
    pub export_hint: &'static str,
    /// The policy still has problems. You can download it to keep and go on later with “Open a policy file”; the calculator will not accept it until they are fixed.
    pub export_hint_problems: &'static str,
    /// Download the policy file
    pub download: &'static str,
    /// Copy to the clipboard
    pub copy: &'static str,
    /// Open in the calculator
    pub to_calculator: &'static str,
    /// Show the policy file
    pub show_toml: &'static str,
    /// Preview: what a resident sees
    pub preview_heading: &'static str,
    /// Choose a person from the examples to see what the calculator would tell them.
    pub preview_hint: &'static str,
    /// Once the policy has no problems, what a resident sees is shown here.
    pub preview_waiting: &'static str,
    /// No examples yet. Add a hand-worked example first.
    pub preview_no_cases: &'static str,
    /// Which example
    pub preview_person: &'static str,
    /// Does not qualify
    pub preview_not_eligible: &'static str,
    /// For example 2024-01-01
    pub date_hint: &'static str,
    /// Meals
    pub meals_hint: &'static str,
    /// One line per date when the amount changes on given dates.
    pub steps_hint: &'static str,
    /// Give amounts by date
    pub add_step: &'static str,
    /// Move up
    pub move_up: &'static str,
    /// Move down
    pub move_down: &'static str,
    /// Remove
    pub remove: &'static str,
    /// ;
    pub separator: &'static str,
    /// Letters, digits and - _ . only, for example amounts. Other parts refer to it by this.
    pub item_id_hint: &'static str,
    /// Letters, digits and - _ . only, for example chengdu-2024. The exported file is named after it.
    pub policy_id_hint: &'static str,
    /// Starting with https://
    pub source_url_hint: &'static str,
    /// Copy it word for word; if you summarised, untick the box below.
    pub clause_text_hint: &'static str,
    /// For example: local resident aged 85, lunch
    pub case_name_hint: &'static str,
    /// Write down the working so others can check it.
    pub case_why_hint: &'static str,
    /// Join with + when several parts each give a tier
    pub expect_tier_hint: &'static str,
    /// Yuan
    pub yuan_hint: &'static str,
    /// Yuan per meal
    pub yuan_per_meal_hint: &'static str,
    /// Yuan a month
    pub yuan_month_hint: &'static str,
    /// A percentage, for example 25 for 25%
    pub percent_hint: &'static str,
    /// ["A fixed subsidy per meal", "The person pays a fixed price", "A percentage of the meal price"]
    pub benefit_kinds: [&'static str; 3],
    /// ["breakfast", "lunch", "dinner"]
    pub meals: [&'static str; 3],
    /// `check_ok`: a sentence with its values.
    pub check_ok: fn(usize, usize) -> String,
    /// `check_problems`: a sentence with its values.
    pub check_problems: fn(usize) -> String,
    /// `case_line`: a sentence with its values.
    pub case_line: fn(&str, bool) -> String,
    /// `case_mismatch`: a sentence with its values.
    pub case_mismatch: fn(&str, &str, &str) -> String,
    /// `opened`: a sentence with its values.
    pub opened: fn(&str) -> String,
    /// `refused`: a sentence with its values.
    pub refused: fn(&str, usize) -> String,
    /// `downloaded`: a sentence with its values.
    pub downloaded: fn(&str) -> String,
    /// `gap_n`: a sentence with its values.
    pub gap_n: fn(usize) -> String,
    /// `source_n`: a sentence with its values.
    pub source_n: fn(usize) -> String,
    /// `clause_n`: a sentence with its values.
    pub clause_n: fn(usize) -> String,
    /// `category_n`: a sentence with its values.
    pub category_n: fn(usize) -> String,
    /// `version_n`: a sentence with its values.
    pub version_n: fn(usize) -> String,
    /// `component_n`: a sentence with its values.
    pub component_n: fn(usize) -> String,
    /// `tier_n`: a sentence with its values.
    pub tier_n: fn(usize) -> String,
    /// `income_n`: a sentence with its values.
    pub income_n: fn(usize) -> String,
    /// `delivery_n`: a sentence with its values.
    pub delivery_n: fn(usize) -> String,
    /// `operator_n`: a sentence with its values.
    pub operator_n: fn(usize) -> String,
    /// `note_n`: a sentence with its values.
    pub note_n: fn(usize) -> String,
    /// `case_n`: a sentence with its values.
    pub case_n: fn(usize) -> String,
    /// `step_from`: a sentence with its values.
    pub step_from: fn(usize) -> String,
    /// `step_value`: a sentence with its values.
    pub step_value: fn(usize) -> String,
    /// `remove_step_named`: a sentence with its values.
    pub remove_step_named: fn(usize) -> String,
    /// `add_step_named`: a sentence with its values.
    pub add_step_named: fn(&str) -> String,
    /// `move_up_named`: a sentence with its values.
    pub move_up_named: fn(&str) -> String,
    /// `move_down_named`: a sentence with its values.
    pub move_down_named: fn(&str) -> String,
    /// `remove_named`: a sentence with its values.
    pub remove_named: fn(&str) -> String,
    /// `remove_condition_named`: a sentence with its values.
    pub remove_condition_named: fn(&str) -> String,
    /// `own_clause`: a sentence with its values.
    pub own_clause: fn(&str) -> String,
    /// `per_meal_type`: a sentence with its values.
    pub per_meal_type: fn(&str) -> String,
    /// `label_for_meal`: a sentence with its values.
    pub label_for_meal: fn(&str, &str) -> String,
    /// `preview_meal`: a sentence with its values.
    pub preview_meal: fn(&str) -> String,
    /// `preview_subsidy`: a sentence with its values.
    pub preview_subsidy: fn(&str) -> String,
    /// `preview_pay`: a sentence with its values.
    pub preview_pay: fn(&str) -> String,
}

/// 简体中文.
pub const ZH_CN: StudioTexts = StudioTexts {
    start_heading: "从哪里开始",
    start_hint: "可以从空白模板开始，也可以打开已收录的政策或您保存的政策文件再修改。重新开始会替换页面上正在编辑的内容。",
    start_blank: "新建（空白模板）",
    start_preset: "已收录的政策",
    open_preset: "打开这份政策",
    open_file: "打开政策文件",
    started_blank: "已新建一份空白政策。",
    fetching: "正在读取政策……",
    fetch_failed: "政策没有读取成功，可能是网络断了。请检查网络后再试。",
    copied: "已复制到剪贴板。",
    copy_failed: "没有复制成功。请打开下面的“查看政策文件内容”，选中后手动复制。",
    opened_in_calculator: "已在补贴计算中打开这份政策。",
    calculator_unavailable: "没能在补贴计算中打开。请先下载政策文件，再在补贴计算里载入。",
    check_heading: "检查结果",
    problems_title: "请修改下面的问题（点一下就跳到那一项）：",
    basics_heading: "政策名称和地区",
    policy_id: "政策编号",
    policy_name: "政策名称",
    policy_region: "适用地区",
    policy_summary: "简介（两三句大白话：谁能享受、每餐补多少）",
    gaps_heading: "文件没说清楚的地方",
    gaps_hint: "文件没写清楚的，写在这里，不要猜。",
    add_gap: "添加一条",
    in_chinese: "中文",
    in_english: "英文（可以不填）",
    item_id: "编号",
    sources_heading: "来源：政策文件",
    sources_hint: "写明文件的标题、发文单位、文号或网址、日期，别人才能核对。",
    source_title: "文件标题",
    source_issuer: "发文单位",
    source_number: "文号",
    source_date: "发文日期",
    source_url: "网址",
    source_confidence: "可信度",
    add_source: "添加来源",
    clauses_heading: "条款原文",
    clauses_hint: "每个金额都要引用文件里的原话。",
    clause_source: "出自哪份文件",
    clause_text: "原文",
    clause_verbatim: "这是文件原话，一字未改",
    add_clause: "添加条款",
    categories_heading: "本政策自己规定的人员类别",
    categories_hint: "例如“优抚对象”。在条件里可以选用这些类别。",
    category_name: "类别名称",
    category_explain: "说明",
    add_category: "添加类别",
    versions_heading: "版本：从某天起施行的一整套规定",
    versions_hint: "规定改了，就再加一个版本。",
    version_label: "版本名称",
    version_from: "施行日期",
    version_from_clause: "施行日期出自哪条条款",
    version_until: "截止日期（没有就不填）",
    version_dates_note: "关于日期的说明",
    version_meals: "补贴哪几餐",
    version_meals_clause: "补贴哪几餐出自哪条条款",
    version_workdays: "只在工作日补贴",
    version_workdays_clause: "只在工作日补贴出自哪条条款",
    version_reference_price: "标准餐价（文件写明时）",
    version_reference_price_clause: "标准餐价出自哪条条款",
    add_version: "添加版本",
    eligibility_heading: "谁能享受",
    eligibility_label: "享受条件",
    eligibility_clause: "享受条件出自哪条条款",
    everyone: "没有条件：所有老年人都能享受。",
    everyone_in_version: "没有条件：符合本版本享受条件的人都适用。",
    nobody_free: "没有人免费。",
    add_condition_kind: "添加条件",
    add_condition: "添加",
    components_heading: "补贴项目和档次",
    components_hint: "各个补贴项目相加；一个项目里的各档只能享受一档。",
    component_name: "名称",
    component_select: "符合几档时",
    component_level: "哪一级财政出资",
    component_level_clause: "出资方出自哪条条款",
    component_spend: "消费条件",
    component_spend_amount: "消费金额",
    component_spend_clause: "消费条件出自哪条条款",
    add_component: "添加补贴项目",
    tier_name: "档次名称",
    tier_when: "哪些人",
    tier_benefit: "怎么补贴",
    tier_subsidy: "每餐补贴",
    tier_pay: "本人每餐付",
    tier_percent: "补贴餐费的百分比",
    tier_percent_at_most: "每餐最多补贴",
    figure_clause: "出自哪条条款",
    add_tier: "添加档次",
    caps_heading: "补贴上限",
    caps_hint: "每天、每周（周一至周日）、每月最多补几餐或多少元；没有就不填。",
    cap_per_day: "每天最多补几餐",
    cap_per_week: "每周最多补几餐",
    cap_per_month: "每月最多补几餐",
    cap_money_per_week: "每周最多补贴（元）",
    cap_money_per_month: "每月最多补贴（元）",
    caps_clause: "上限出自哪条条款",
    dibao_heading: "低保标准和按收入认定的类别",
    dibao_hint: "写了当地低保标准，补贴计算就会问家庭收入。",
    dibao_urban: "城市低保标准（每人每月）",
    dibao_rural: "农村低保标准（每人每月）",
    add_dibao: "填写低保标准",
    remove_dibao: "删除低保标准",
    income_hardship: "类别",
    income_percent: "家庭人均收入不超过低保标准的百分之几",
    income_below: "是“低于”，不含等于",
    add_income: "添加按收入认定的类别",
    delivery_heading: "送餐上门",
    delivery_amount: "每次补贴",
    delivery_paid_to: "补贴给谁",
    add_delivery: "添加送餐补贴",
    fee_amount: "送餐费（本人每次付）",
    fee_free_when: "谁免费送餐",
    fee_free_clause: "免费送餐出自哪条条款",
    add_fee: "填写送餐费",
    remove_fee: "删除送餐费",
    operators_heading: "给助餐机构的补贴",
    operator_amount: "金额",
    operator_per: "按什么计算",
    operator_subsidised_only: "只计享受补贴的老人",
    add_operator: "添加机构补贴",
    notes_heading: "用这个版本计算时提醒用户",
    add_note: "添加提醒",
    cases_heading: "手算的例子",
    cases_hint: "照着原文手算，不要照抄下面的预览。每个例子都会马上试算：算不对的，说明政策或例子有一处填错了。",
    case_name: "例子名称",
    case_person: "这位老人",
    case_meal: "这一餐",
    case_expect: "按文件应该得到",
    case_expect_hint: "只填您手算过的项目；不填的不核对。",
    case_why: "怎么算的",
    case_passed: "✓ 这个例子算对了。",
    case_failed: "✗ 这个例子没有算对：",
    case_waiting: "政策还有问题，改好后才会试算这个例子。",
    add_case: "添加例子",
    person_age: "年龄（周岁）",
    person_hukou: "户籍",
    person_hardship: "困难类别",
    person_more: "更多情况（出生日期、失能、残疾、收入等）",
    person_birth_date: "出生日期",
    person_care: "失能等级",
    person_disability: "残疾等级",
    person_groups: "特殊群体",
    person_flags: "本政策的类别",
    person_in_care_home: "住在养老机构",
    person_area: "城市还是农村",
    person_income: "家庭人均月收入",
    meal_date: "就餐日期",
    meal_kind: "哪一餐",
    meal_price: "餐费",
    meal_place: "在哪里吃",
    meal_delivery: "送餐上门",
    expect_eligible: "能否享受",
    expect_subsidy: "每餐补贴",
    expect_pay: "本人付",
    expect_delivery: "送餐补贴",
    expect_delivery_fee: "送餐费",
    expect_tier: "享受哪一档（档次编号）",
    expect_version: "按哪个版本（版本编号）",
    yes: "能",
    no: "不能",
    not_checked: "不核对",
    not_given: "不填",
    none_of_them: "无",
    not_stated: "文件没写",
    no_clause: "（未选）",
    choose: "请选择",
    export_heading: "导出",
    export_hint: "政策没有问题。下载文件后，可以放到网站上，或在补贴计算里载入。",
    export_hint_problems: "政策还有问题，也可以先下载保存，以后用“打开政策文件”接着改；改好之前补贴计算不会接受它。",
    download: "下载政策文件",
    copy: "复制到剪贴板",
    to_calculator: "在补贴计算中打开",
    show_toml: "查看政策文件内容",
    preview_heading: "预览：老人看到的结果",
    preview_hint: "选一个例子里的老人，看补贴计算会怎么告诉他。",
    preview_waiting: "政策改好后，这里会显示老人看到的结果。",
    preview_no_cases: "还没有例子。先添加一个手算的例子。",
    preview_person: "哪个例子",
    preview_not_eligible: "不能享受这项补贴",
    date_hint: "例如 2024-01-01",
    meals_hint: "几餐",
    steps_hint: "不同日期起金额不同时，每个日期写一行。",
    add_step: "按日期分别填写",
    move_up: "上移",
    move_down: "下移",
    remove: "删除",
    separator: "；",
    item_id_hint: "只用字母、数字和 - _ .，例如 amounts。在别处引用时用它。",
    policy_id_hint: "只用字母、数字和 - _ .，例如 chengdu-2024。导出的文件名就是它。",
    source_url_hint: "以 https:// 开头",
    clause_text_hint: "一字不改地抄写；如果是自己概括的，把下面的勾去掉。",
    case_name_hint: "例如：本地户籍85周岁，午餐",
    case_why_hint: "写下手算的过程，方便别人核对。",
    expect_tier_hint: "几个项目各有一档时用 + 连接",
    yuan_hint: "元",
    yuan_per_meal_hint: "元，每餐",
    yuan_month_hint: "元，每月",
    percent_hint: "百分数，例如 25 表示 25%",
    benefit_kinds: ["每餐补贴固定金额", "本人每餐付固定金额", "按餐费的百分比补贴"],
    meals: ["早餐", "午餐", "晚餐"],
    check_ok: |passed, all| format!("政策没有问题；{all}个例子中{passed}个算对了。"),
    check_problems: |n| format!("政策还有{n}个问题。"),
    case_line: |name, ok| format!("{}：{name}", if ok { "✓ 算对了" } else { "✗ 没有算对" }),
    case_mismatch: |what, expected, got| format!("{what}：例子写的是{expected}，按政策算出来是{got}"),
    opened: |name| format!("已打开“{name}”。"),
    refused: |name, n| format!("“{name}”没有打开：有{n}个问题。"),
    downloaded: |name| format!("已下载“{name}”。"),
    gap_n: |n| format!("没说清楚的地方{n}"),
    source_n: |n| format!("来源{n}"),
    clause_n: |n| format!("条款{n}"),
    category_n: |n| format!("类别{n}"),
    version_n: |n| format!("版本{n}"),
    component_n: |n| format!("补贴项目{n}"),
    tier_n: |n| format!("档次{n}"),
    income_n: |n| format!("按收入认定的类别{n}"),
    delivery_n: |n| format!("送餐补贴{n}"),
    operator_n: |n| format!("机构补贴{n}"),
    note_n: |n| format!("提醒{n}"),
    case_n: |n| format!("例子{n}"),
    step_from: |n| format!("第{n}行：从哪天起"),
    step_value: |n| format!("第{n}行：金额"),
    remove_step_named: |n| format!("删除第{n}行"),
    add_step_named: |label| format!("按日期分别填写{label}"),
    move_up_named: |name| format!("上移{name}"),
    move_down_named: |name| format!("下移{name}"),
    remove_named: |name| format!("删除{name}"),
    remove_condition_named: |name| format!("删除条件：{name}"),
    own_clause: |label| format!("{label}出自哪条条款（不选就用下面的）"),
    per_meal_type: |label| format!("{label}：早餐、午餐、晚餐各不相同"),
    label_for_meal: |label, meal| format!("{meal}{label}"),
    preview_meal: |date| format!("{date}的这一餐："),
    preview_subsidy: |m| format!("每餐补贴{m}"),
    preview_pay: |m| format!("本人付{m}"),
};

/// English.
pub const EN: StudioTexts = StudioTexts {
    start_heading: "Start from",
    start_hint: "Start from a blank template, or open a listed policy or a policy file you saved and change it. Starting again replaces what is being edited on this page.",
    start_blank: "New (blank template)",
    start_preset: "A listed policy",
    open_preset: "Open this policy",
    open_file: "Open a policy file",
    started_blank: "A blank policy was started.",
    fetching: "Reading the policy…",
    fetch_failed: "The policy could not be read; the connection may be down. Check it and try again.",
    copied: "Copied to the clipboard.",
    copy_failed: "Could not copy. Open “Show the policy file” below, select it and copy it yourself.",
    opened_in_calculator: "The policy was opened in the calculator.",
    calculator_unavailable: "It could not be opened in the calculator. Download the policy file, then load it in the calculator.",
    check_heading: "Check",
    problems_title: "Please fix these problems (each links to its field):",
    basics_heading: "Name and region",
    policy_id: "Policy id",
    policy_name: "Policy name",
    policy_region: "Region",
    policy_summary: "Summary (two or three plain sentences: who gets it, how much per meal)",
    gaps_heading: "What the document leaves open",
    gaps_hint: "Write down what the document does not say; never guess.",
    add_gap: "Add one",
    in_chinese: "Chinese",
    in_english: "English (may be left blank)",
    item_id: "Id",
    sources_heading: "Sources: the documents",
    sources_hint: "Give each document's title, issuer, number or address and date, so others can check it.",
    source_title: "Title",
    source_issuer: "Issuer",
    source_number: "Document number",
    source_date: "Date",
    source_url: "Address (URL)",
    source_confidence: "Confidence",
    add_source: "Add a source",
    clauses_heading: "Quoted clauses",
    clauses_hint: "Every amount must quote the document's own words.",
    clause_source: "From which document",
    clause_text: "The words",
    clause_verbatim: "These are the document's exact words",
    add_clause: "Add a clause",
    categories_heading: "Categories this policy defines",
    categories_hint: "For example “entitled groups”. Conditions can then use them.",
    category_name: "Name",
    category_explain: "Explanation",
    add_category: "Add a category",
    versions_heading: "Versions: the rules in force from a date",
    versions_hint: "When the rules change, add another version.",
    version_label: "Version name",
    version_from: "In force from",
    version_from_clause: "Clause giving the start date",
    version_until: "Last day (leave blank if none)",
    version_dates_note: "Note on the dates",
    version_meals: "Meals covered",
    version_meals_clause: "Clause on the meals covered",
    version_workdays: "Working days only",
    version_workdays_clause: "Clause on working days",
    version_reference_price: "Standard meal price (when the document states one)",
    version_reference_price_clause: "Clause giving the standard price",
    add_version: "Add a version",
    eligibility_heading: "Who qualifies",
    eligibility_label: "Conditions",
    eligibility_clause: "Clause giving the conditions",
    everyone: "No condition: every older person qualifies.",
    everyone_in_version: "No condition: everyone who qualifies under this version.",
    nobody_free: "Nobody has it free.",
    add_condition_kind: "Add a condition",
    add_condition: "Add",
    components_heading: "Parts of the subsidy and their tiers",
    components_hint: "Parts add up; a person gets one tier of each part.",
    component_name: "Name",
    component_select: "When several tiers match",
    component_level: "Paid by",
    component_level_clause: "Clause on who pays",
    component_spend: "Spending condition",
    component_spend_amount: "Amount",
    component_spend_clause: "Clause on the spending condition",
    add_component: "Add a part",
    tier_name: "Tier name",
    tier_when: "Who",
    tier_benefit: "How it is given",
    tier_subsidy: "Subsidy per meal",
    tier_pay: "The person pays per meal",
    tier_percent: "Percentage of the meal price",
    tier_percent_at_most: "At most per meal",
    figure_clause: "Clause",
    add_tier: "Add a tier",
    caps_heading: "Limits",
    caps_hint: "The most meals or yuan a day, a week (Monday–Sunday) or a month; leave blank if none.",
    cap_per_day: "Meals a day at most",
    cap_per_week: "Meals a week at most",
    cap_per_month: "Meals a month at most",
    cap_money_per_week: "Yuan a week at most",
    cap_money_per_month: "Yuan a month at most",
    caps_clause: "Clause on the limits",
    dibao_heading: "Minimum-living standard and categories by income",
    dibao_hint: "With the local standard, the calculator asks about income.",
    dibao_urban: "Urban standard (per person a month)",
    dibao_rural: "Rural standard (per person a month)",
    add_dibao: "Add the minimum-living standard",
    remove_dibao: "Remove the minimum-living standard",
    income_hardship: "Category",
    income_percent: "Income per person at most this percentage of the standard",
    income_below: "“Below”, not “at most”",
    add_income: "Add a category by income",
    delivery_heading: "Home delivery",
    delivery_amount: "Subsidy per delivery",
    delivery_paid_to: "Paid to",
    add_delivery: "Add a delivery subsidy",
    fee_amount: "Delivery fee (paid by the person each time)",
    fee_free_when: "Who has delivery free",
    fee_free_clause: "Clause on free delivery",
    add_fee: "Add a delivery fee",
    remove_fee: "Remove the delivery fee",
    operators_heading: "Subsidies paid to the canteen",
    operator_amount: "Amount",
    operator_per: "Counted per",
    operator_subsidised_only: "Only for subsidised diners",
    add_operator: "Add a canteen subsidy",
    notes_heading: "Notes shown with this version",
    add_note: "Add a note",
    cases_heading: "Hand-worked examples",
    cases_hint: "Work them out by hand from the document, never from the preview below. Each runs at once: one that does not come out right means the policy or the example has a mistake.",
    case_name: "Name",
    case_person: "The person",
    case_meal: "The meal",
    case_expect: "What the document gives",
    case_expect_hint: "Fill in only what you worked out; blank items are not checked.",
    case_why: "How it was worked out",
    case_passed: "✓ This example comes out right.",
    case_failed: "✗ This example does not come out right:",
    case_waiting: "The policy still has problems; the example runs once they are fixed.",
    add_case: "Add an example",
    person_age: "Age (years)",
    person_hukou: "Household registration",
    person_hardship: "Hardship category",
    person_more: "More (birth date, care needs, disability, income…)",
    person_birth_date: "Date of birth",
    person_care: "Care level",
    person_disability: "Disability grade",
    person_groups: "Special groups",
    person_flags: "This policy's categories",
    person_in_care_home: "Lives in a care home",
    person_area: "Urban or rural",
    person_income: "Household income per person a month",
    meal_date: "Date",
    meal_kind: "Meal",
    meal_price: "Price",
    meal_place: "Where",
    meal_delivery: "Delivered",
    expect_eligible: "Qualifies",
    expect_subsidy: "Subsidy",
    expect_pay: "Pays",
    expect_delivery: "Delivery subsidy",
    expect_delivery_fee: "Delivery fee",
    expect_tier: "Tier (its id)",
    expect_version: "Version (its id)",
    yes: "Yes",
    no: "No",
    not_checked: "Not checked",
    not_given: "Not given",
    none_of_them: "None",
    not_stated: "Not stated",
    no_clause: "(none)",
    choose: "Choose",
    export_heading: "Export",
    export_hint: "The policy has no problems. Download the file to publish it, or load it in the calculator.",
    export_hint_problems: "The policy still has problems. You can download it to keep and go on later with “Open a policy file”; the calculator will not accept it until they are fixed.",
    download: "Download the policy file",
    copy: "Copy to the clipboard",
    to_calculator: "Open in the calculator",
    show_toml: "Show the policy file",
    preview_heading: "Preview: what a resident sees",
    preview_hint: "Choose a person from the examples to see what the calculator would tell them.",
    preview_waiting: "Once the policy has no problems, what a resident sees is shown here.",
    preview_no_cases: "No examples yet. Add a hand-worked example first.",
    preview_person: "Which example",
    preview_not_eligible: "Does not qualify",
    date_hint: "For example 2024-01-01",
    meals_hint: "Meals",
    steps_hint: "One line per date when the amount changes on given dates.",
    add_step: "Give amounts by date",
    move_up: "Move up",
    move_down: "Move down",
    remove: "Remove",
    separator: "; ",
    item_id_hint: "Letters, digits and - _ . only, for example amounts. Other parts refer to it by this.",
    policy_id_hint: "Letters, digits and - _ . only, for example chengdu-2024. The exported file is named after it.",
    source_url_hint: "Starting with https://",
    clause_text_hint: "Copy it word for word; if you summarised, untick the box below.",
    case_name_hint: "For example: local resident aged 85, lunch",
    case_why_hint: "Write down the working so others can check it.",
    expect_tier_hint: "Join with + when several parts each give a tier",
    yuan_hint: "Yuan",
    yuan_per_meal_hint: "Yuan per meal",
    yuan_month_hint: "Yuan a month",
    percent_hint: "A percentage, for example 25 for 25%",
    benefit_kinds: ["A fixed subsidy per meal", "The person pays a fixed price", "A percentage of the meal price"],
    meals: ["breakfast", "lunch", "dinner"],
    check_ok: |passed, all| format!("The policy has no problems; {passed} of {all} examples come out right."),
    check_problems: |n| if n == 1 { "The policy has 1 problem.".to_string() } else { format!("The policy has {n} problems.") },
    case_line: |name, ok| format!("{}: {name}", if ok { "✓ right" } else { "✗ wrong" }),
    case_mismatch: |what, expected, got| format!("{what}: the example says {expected}, the policy gives {got}"),
    opened: |name| format!("Opened “{name}”."),
    refused: |name, n| format!("“{name}” was not opened: {n} problem(s)."),
    downloaded: |name| format!("Downloaded “{name}”."),
    gap_n: |n| format!("Open point {n}"),
    source_n: |n| format!("Source {n}"),
    clause_n: |n| format!("Clause {n}"),
    category_n: |n| format!("Category {n}"),
    version_n: |n| format!("Version {n}"),
    component_n: |n| format!("Part {n}"),
    tier_n: |n| format!("Tier {n}"),
    income_n: |n| format!("Category by income {n}"),
    delivery_n: |n| format!("Delivery subsidy {n}"),
    operator_n: |n| format!("Canteen subsidy {n}"),
    note_n: |n| format!("Note {n}"),
    case_n: |n| format!("Example {n}"),
    step_from: |n| format!("Line {n}: from"),
    step_value: |n| format!("Line {n}: amount"),
    remove_step_named: |n| format!("Remove line {n}"),
    add_step_named: |label| format!("Give amounts by date: {label}"),
    move_up_named: |name| format!("Move up {name}"),
    move_down_named: |name| format!("Move down {name}"),
    remove_named: |name| format!("Remove {name}"),
    remove_condition_named: |name| format!("Remove the condition: {name}"),
    own_clause: |label| format!("Clause for {label} (blank: the one below)"),
    per_meal_type: |label| format!("{label}: different for breakfast, lunch and dinner"),
    label_for_meal: |label, meal| format!("{label}: {meal}"),
    preview_meal: |date| format!("This meal on {date}:"),
    preview_subsidy: |m| format!("Subsidy per meal: {m}"),
    preview_pay: |m| format!("The person pays {m}"),
};

impl StudioTexts {
    /// The name of an expected figure of a case (`subsidy` → 每餐补贴).
    pub fn expect_key(&self, key: &'static str) -> &'static str {
        match key {
            "eligible" => self.expect_eligible,
            "subsidy" => self.expect_subsidy,
            "pay" => self.expect_pay,
            "delivery" => self.expect_delivery,
            "delivery_fee" => self.expect_delivery_fee,
            "tier" => self.expect_tier,
            "version" => self.expect_version,
            other => other,
        }
    }
}

/// The studio's words in `locale`.
pub fn studio_texts(locale: Locale) -> &'static StudioTexts {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
