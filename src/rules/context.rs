//! What a rule sees: the parsed post, the settings that apply to it, and the per-post views
//! several rules share, each computed on first use and at most once per post.

use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

use super::dates::{date_values, DateValue};
use crate::boundary::Boundary;
use crate::document::Document;
use crate::images::covers::{covers, Cover};
use crate::images::local::{layout, Layout};
use crate::images::{image_refs, ImageRef};
use crate::schema::SchemaIssue;
use crate::Settings;

pub struct Context<'a> {
    pub doc: &'a Document,
    pub settings: &'a Settings,
    image_refs: OnceCell<Vec<ImageRef>>,
    covers: OnceCell<Vec<Cover<'a>>>,
    date_values: OnceCell<Vec<DateValue>>,
    schema_issues: OnceCell<Vec<SchemaIssue>>,
    hexo_templates: OnceCell<Vec<crate::templates::Found>>,
    boundary: OnceCell<Arc<Boundary>>,
    layout: OnceCell<Layout>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, settings: &'a Settings) -> Self {
        Context {
            doc,
            settings,
            image_refs: OnceCell::new(),
            covers: OnceCell::new(),
            date_values: OnceCell::new(),
            schema_issues: OnceCell::new(),
            hexo_templates: OnceCell::new(),
            boundary: OnceCell::new(),
            layout: OnceCell::new(),
        }
    }

    /// Every image reference of the post, front matter and body (see `images::image_refs`).
    pub fn image_refs(&self) -> &[ImageRef] {
        self.image_refs
            .get_or_init(|| image_refs(self.doc, &self.settings.images))
    }

    /// The repository root the post's image files are looked up within.
    pub fn boundary(&self) -> &Boundary {
        self.boundary
            .get_or_init(|| self.settings.boundary_for(Path::new(&self.doc.source.name)))
    }

    /// The site layout the post belongs to, looked up on disk once per post.
    pub fn layout(&self) -> &Layout {
        self.layout
            .get_or_init(|| layout(Path::new(&self.doc.source.name), self.boundary()))
    }

    /// The configured cover keys present in the front matter.
    pub fn covers(&self) -> &[Cover<'a>] {
        self.covers
            .get_or_init(|| covers(self.doc, &self.settings.covers))
    }

    /// Every value under a configured date key.
    pub fn date_values(&self) -> &[DateValue] {
        self.date_values.get_or_init(|| date_values(self))
    }

    /// The Nunjucks constructs Hexo will render in the body, for a post under the hexo preset
    /// that does not set `disableNunjucks: true`; empty otherwise.
    pub fn hexo_templates(&self) -> &[crate::templates::Found] {
        self.hexo_templates.get_or_init(|| {
            if self.generator() != Some(crate::dates::Generator::Hexo) {
                return Vec::new();
            }
            let disabled = self.doc.front_matter.as_ref().is_some_and(|fm| {
                fm.value.get("disableNunjucks") == Some(&serde_json::Value::Bool(true))
            });
            if disabled {
                return Vec::new();
            }
            let markdown = !self.doc.source.name.to_ascii_lowercase().ends_with(".html")
                && !self.doc.source.name.to_ascii_lowercase().ends_with(".htm");
            crate::templates::nunjucks(self.doc.text(), self.doc.body(), markdown)
        })
    }

    /// The generator the post's preset is for, when a preset (not a schema file) applies.
    pub fn generator(&self) -> Option<crate::dates::Generator> {
        let path = Path::new(&self.doc.source.name);
        self.settings.schemas.for_path(path)?.generator
    }

    /// Schema errors of this post's front matter, placed in the post; empty when no schema
    /// applies. Validation runs only when a schema rule asks.
    pub fn schema_issues(&self) -> &[SchemaIssue] {
        self.schema_issues.get_or_init(|| {
            let path = Path::new(&self.doc.source.name);
            match self.settings.schemas.for_path(path) {
                Some(schema) => crate::schema::locate(self.doc, schema),
                None => Vec::new(),
            }
        })
    }
}
