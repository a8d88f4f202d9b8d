"""The navigation rules without Qt: where each intent leads, which bar buttons lead somewhere, and
that previews and layout checks can reach every page."""

from __future__ import annotations

from kiosk.navigation import Location, NavButtons, Navigation, Page, Place, every_location


def walked(navigation: Navigation, place: Place | None) -> Place:
    assert place is not None
    navigation.arrive(place)
    return place


def test_next_runs_through_every_section_to_contact_and_previous_comes_back() -> None:
    navigation = Navigation(3)
    walked(navigation, navigation.home())
    assert walked(navigation, navigation.after_next()) == Place(Page.READER, 0)
    walked(navigation, navigation.after_next())
    assert walked(navigation, navigation.after_next()) == Place(Page.READER, 2)
    assert walked(navigation, navigation.after_next()).page is Page.CONTACT
    assert navigation.after_next() is None
    assert walked(navigation, navigation.after_previous()) == Place(Page.READER, 2)


def test_contact_returns_to_where_the_patient_came_from() -> None:
    navigation = Navigation(3)
    walked(navigation, navigation.home())
    walked(navigation, navigation.contact())
    assert navigation.after_contact().page is Page.HOME
    walked(navigation, navigation.section(1))
    walked(navigation, navigation.contact())
    walked(navigation, navigation.contact())  # again: still back to the section
    assert navigation.after_contact() == Place(Page.READER, 1)


def test_without_sections_home_is_the_updating_page_and_next_leads_nowhere() -> None:
    navigation = Navigation(0)
    assert walked(navigation, navigation.home()).page is Page.UPDATING
    assert navigation.section(0) is None
    assert navigation.buttons() == NavButtons(home=True, previous=False, next=False, contact=True)


def test_bar_buttons_follow_the_place() -> None:
    navigation = Navigation(2)
    walked(navigation, navigation.home())
    assert navigation.buttons() == NavButtons(home=False, previous=False, next=True, contact=True)
    walked(navigation, navigation.section(1))
    assert navigation.buttons() == NavButtons(home=True, previous=True, next=True, contact=True)
    walked(navigation, navigation.contact())
    assert navigation.buttons() == NavButtons(home=True, previous=True, next=False, contact=False)


def test_a_location_names_the_section_by_its_slug() -> None:
    navigation = Navigation(2)
    walked(navigation, navigation.section(1))
    assert navigation.location(["intro", "mechanism"]) == Location(Page.READER, "mechanism")
    assert navigation.location(["intro", "mechanism"]).name == "section:mechanism"
    assert Location(Page.HOME).name == "home"


def test_every_location_reaches_every_page_and_every_section() -> None:
    locations = every_location(["intro", "mechanism"])
    assert {location.page for location in locations} == set(Page)
    assert [location.section for location in locations if location.page is Page.READER] == [
        "intro",
        "mechanism",
    ]
