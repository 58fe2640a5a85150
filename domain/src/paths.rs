//! Where the app lives on its host: at the site's root or under a sub-path such as
//! `/motcua/` (chosen at build time, `trunk build --public-url /motcua/`, which writes
//! `<base href>`). The app's own paths (`/kiosk`, `/data#export`) are written as from the root
//! and placed under the base here.

/// The router's base from the document's base URL path (`/motcua/` → `/motcua`, `/` → ``).
pub fn base_of(base_path: &str) -> String {
    let p = base_path.trim_end_matches('/');
    if p.is_empty() || !p.starts_with('/') {
        String::new()
    } else {
        p.to_string()
    }
}

/// An app path (`/data#export`) as a link under `base`.
pub fn under(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The app path of a location's pathname (`/motcua/kiosk` → `/kiosk`); a pathname outside
/// the base stays as it is.
pub fn route_of<'a>(base: &str, pathname: &'a str) -> &'a str {
    match pathname.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if base.is_empty() || rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// Where an unlock returns to: the staff screen that was open when the tablet locked (issue
/// 25: unlocking always went to the desk), if `route` is one: an app path of this origin
/// (`/`-rooted, not `//host`), not the kiosk, short. Anything else: the desk.
pub fn return_route(route: &str) -> &str {
    let staff = route.starts_with('/')
        && !route.starts_with("//")
        && !route.contains('\\')
        && route.len() <= 200
        && route != "/"
        && !route.starts_with("/kiosk")
        && route.chars().all(|c| c.is_ascii_graphic());
    if staff {
        route
    } else {
        "/staff"
    }
}

/// The app's modules: one build, one origin, a wasm module a group of screens (issue 22: a
/// screen downloads and compiles what it shows). index.html names their Trunk bins; the
/// loader in Trunk.toml picks one by the path's first segment (a test below holds it to
/// `Module::of`), and moving to a path of another module is a page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// `/`, `/kiosk`: the citizen's survey and look-up (`src/bin/kiosk.rs`).
    Kiosk,
    /// The desk, the register and its printed papers (`src/bin/desk.rs`): an officer's day.
    Desk,
    /// The dashboard and the report, with the charts (`src/bin/dashboard.rs`).
    Dashboard,
    /// The data page (import, export, archive), settings and the editors (`src/bin/admin.rs`).
    Admin,
}

/// The first segment of an app path, without its query or hash (`/dashboard?x` → `dashboard`,
/// `/` → ``): what picks a module (`Module::of`, and the loader in Trunk.toml) and the screen
/// whose months are read first (`codec::stage::Screen::of_route`).
pub fn first_segment(route: &str) -> &str {
    route.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or_default()
}

impl Module {
    /// The module that shows the app path `route` (`/dashboard?x`, `/data#export`); a path no
    /// module knows is the desk's, whose router sends it home.
    pub fn of(route: &str) -> Module {
        match first_segment(route) {
            "" | "kiosk" => Module::Kiosk,
            "dashboard" => Module::Dashboard,
            "data" | "settings" => Module::Admin,
            _ => Module::Desk,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unlock_returns_to_a_staff_screen_of_this_app_only() {
        assert_eq!(return_route("/dossiers?q=SCT"), "/dossiers?q=SCT");
        assert_eq!(return_route("/settings/questionnaire"), "/settings/questionnaire");
        for elsewhere in [
            "",
            "/",
            "/kiosk",
            "//evil.example/x",
            "https://evil.example",
            "/\\evil",
            "/a b",
            "x",
        ] {
            assert_eq!(return_route(elsewhere), "/staff", "{elsewhere:?}");
        }
        assert_eq!(return_route(&format!("/{}", "a".repeat(300))), "/staff");
    }

    #[test]
    fn root_and_sub_path() {
        assert_eq!(base_of("/"), "");
        assert_eq!(base_of(""), "");
        assert_eq!(base_of("/motcua/"), "/motcua");
        assert_eq!(base_of("/a/b/"), "/a/b");
        assert_eq!(under("", "/data#export"), "/data#export");
        assert_eq!(under("/motcua", "/data#export"), "/motcua/data#export");
        assert_eq!(route_of("", "/kiosk"), "/kiosk");
        assert_eq!(route_of("/motcua", "/motcua/kiosk"), "/kiosk");
        assert_eq!(route_of("/motcua", "/motcua"), "/");
        assert_eq!(route_of("/motcua", "/motcuax/kiosk"), "/motcuax/kiosk", "not a prefix of a segment");
        assert_eq!(route_of("/motcua", "/kiosk"), "/kiosk");
    }

    #[test]
    fn each_path_has_one_module() {
        assert_eq!(first_segment("/settings/questionnaire#x"), "settings");
        assert_eq!(first_segment("/data#export"), "data");
        assert_eq!(first_segment("/?q"), "");
        assert_eq!(Module::of("/"), Module::Kiosk);
        assert_eq!(Module::of(""), Module::Kiosk);
        assert_eq!(Module::of("/kiosk"), Module::Kiosk);
        assert_eq!(Module::of("/staff"), Module::Desk);
        assert_eq!(Module::of("/dossiers?q=SCT"), Module::Desk);
        assert_eq!(Module::of("/print/form/01/x"), Module::Desk);
        assert_eq!(Module::of("/dashboard"), Module::Dashboard);
        assert_eq!(Module::of("/dashboard?p=2026"), Module::Dashboard);
        assert_eq!(Module::of("/data#export"), Module::Admin);
        assert_eq!(Module::of("/settings/questionnaire"), Module::Admin);
        assert_eq!(Module::of("/kioskx"), Module::Desk, "a whole segment, not a prefix");
        assert_eq!(Module::of("/nowhere"), Module::Desk);
    }

    /// The loader (Trunk.toml's `pattern_script`) picks a module by the path's first segment
    /// from a map written in JavaScript: it must pick the module `Module::of` names, or a link
    /// would load a module that does not show its screen (and send the officer home).
    #[test]
    fn the_loader_picks_the_module_of_each_path() {
        let toml = include_str!("../../Trunk.toml");
        let start = toml.find("const modules = {").expect("the loader's map") + "const modules = ".len();
        let map = &toml[start..start + toml[start..].find("};").expect("its end") + 1];
        let rest = &toml[start + map.len()..];
        let module = |placeholder: &str| match placeholder.trim().trim_matches('"') {
            "{js}" => Module::Kiosk,
            "__DESK_JS__" => Module::Desk,
            "__DASHBOARD_JS__" => Module::Dashboard,
            "__ADMIN_JS__" => Module::Admin,
            other => panic!("unknown module {other}"),
        };
        let mut keys = 0;
        for entry in map[1..map.len() - 1].split(',') {
            let (key, value) = entry.split_once(':').expect("key: value");
            let key = key.trim().trim_matches('"');
            assert_eq!(module(value), Module::of(&format!("/{key}")), "the loader's {key:?}");
            keys += 1;
        }
        assert_eq!(keys, 5, "{map}");
        // Any other first segment: the desk's module.
        let fallback = rest.split("?? ").nth(1).expect("the loader's fallback");
        let fallback = fallback.split([';', ')']).next().unwrap_or_default();
        assert_eq!(module(fallback), Module::of("/staff"));
        assert_eq!(Module::of("/staff"), Module::of("/nowhere"));
    }
}
