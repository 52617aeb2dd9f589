//! The schemas shipped with postlint, selectable by name.

pub struct Preset {
    pub name: &'static str,
    pub description: &'static str,
    pub schema: &'static str,
    pub requires_front_matter: bool,
}

pub static PRESETS: &[Preset] = &[
    Preset {
        name: "hexo",
        description:
            "Hexo posts and pages: Hexo's documented keys and common theme keys; other keys allowed",
        schema: include_str!("../../schemas/hexo.json"),
        requires_front_matter: false,
    },
    Preset {
        name: "jekyll",
        description: "Jekyll posts and pages: Jekyll's documented keys; other keys allowed",
        schema: include_str!("../../schemas/jekyll.json"),
        requires_front_matter: true,
    },
    Preset {
        name: "hugo",
        description:
            "Hugo content: Hugo's front-matter fields, params, dates, aliases, weight, draft",
        schema: include_str!("../../schemas/hugo.json"),
        requires_front_matter: false,
    },
];

pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

pub fn names() -> String {
    PRESETS
        .iter()
        .map(|p| format!("`{}`", p.name))
        .collect::<Vec<_>>()
        .join(", ")
}
