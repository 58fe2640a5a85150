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
}
