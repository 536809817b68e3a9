"""Declarative schema of the workspace and its version history.

The current schema is declared once (`workspace_layers`, `INDEXES`). `HISTORY` records what each version added
over the previous one; an upgrade only ever adds layers, fields (`upgrade_plan`) and indexes, never drops or
alters. A new version appends a `SchemaChange` and bumps `SCHEMA_VERSION`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Optional

from fifteen_min_plugin.core.facilities.categories import CLASSES, Category, class_label, load_categories
from fifteen_min_plugin.core.language import Messages

SCHEMA_VERSION = 7
APPLICATION = "fifteen_min_plugin"
META_TABLE = "fifteenmin_meta"
DEFAULT_CRS = "EPSG:4326"
#: values of needs.priority, most pressing first
NEED_PRIORITIES = ("urgent", "normal", "later")
#: values of idle_assets.status, in workflow order (new assets start as candidates)
ASSET_STATUSES = ("candidate", "under_review", "approved", "in_use", "retired")
#: values of projects.status, in workflow order (new projects start as planned)
PROJECT_STATUSES = ("planned", "approved", "under_construction", "open", "evaluated", "cancelled")
#: values of projects.site_kind: an idle asset, a drawn point or polygon, or an existing facility
PROJECT_SITE_KINDS = ("asset", "drawn", "facility")


class SchemaLabels(Messages):
    """Translation context of the workspace's layer names and legend labels."""


@dataclass(frozen=True)
class FieldSpec:
    """One attribute of kind text, int, int64, double or datetime.

    `default` is a QGIS expression applied when features are created in QGIS (re-applied on every change if
    `default_on_update`).
    """

    name: str
    kind: str
    default: Optional[str] = None
    default_on_update: bool = False


@dataclass(frozen=True)
class LayerSpec:
    """One table; `geometry` is a WKB type name ("Point", "MultiPolygon") or None for a plain table."""

    name: str
    geometry: Optional[str]
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        """The field called `name` (KeyError if the layer has none)."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


@dataclass(frozen=True)
class SchemaChange:
    """What one schema version added over the previous one."""

    version: int
    layers: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    indexes: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexSpec:
    """An index on `columns` of `layer`.

    Unique over the rows where every one of them is filled in, or (`unique` False) a plain lookup index.
    """

    name: str
    layer: str
    columns: tuple[str, ...]
    unique: bool = True

    def sql(self, schema: Optional[str] = None) -> str:
        """The CREATE statement, harmless when the index exists.

        SQLite (GeoPackage) form, or PostgreSQL (btree) when the table lives in `schema`.
        """
        columns = ", ".join(f'"{column}"' for column in self.columns)
        table = f'"{schema}"."{self.layer}"' if schema else f'"{self.layer}"'
        if not self.unique:
            return f'CREATE INDEX IF NOT EXISTS "{self.name}" ON {table} ({columns})'
        filled = " AND ".join(f"\"{column}\" <> ''" for column in self.columns)
        return f'CREATE UNIQUE INDEX IF NOT EXISTS "{self.name}" ON {table} ({columns}) WHERE {filled}'


#: a source record (source system, its id) is in the facilities once: two imports of it cannot both add it
FACILITY_SOURCE_KEY = IndexSpec("facilities_source_key", "facilities", ("source", "source_id"))
INDEXES: tuple[IndexSpec, ...] = (FACILITY_SOURCE_KEY,)
#: columns analysis and registers look rows up by; a PostGIS workspace has a btree index on each where present
LOOKUP_COLUMNS = (
    "community_id",
    "circle_id",
    "facility_id",
    "asset_id",
    "project_id",
    "need_id",
    "consultation_id",
    "category",
    "status",
)


#: the 2025 figures of a circle: chain share, green space (GB 50180 Table 4.0.4), floor area (国办发〔2021〕56号)
COVERAGE_FIGURES: tuple[FieldSpec, ...] = (
    FieldSpec("chain_share", "double"),
    FieldSpec("park_max_m2", "double"),
    FieldSpec("park_ok", "int"),
    FieldSpec("green_m2_per_resident", "double"),
    FieldSpec("green_ok", "int"),
    FieldSpec("households", "double"),
    FieldSpec("floor_area_m2", "double"),
    FieldSpec("floor_area_shortfall_m2", "double"),
)
#: GB 50180 tiers each checked within its own reach: unmet items per tier (codes, Chinese) and how each tier was reached
TIER_FIELDS: tuple[FieldSpec, ...] = tuple(
    FieldSpec(name, "text") for name in ("missing_tiers", "missing_tiers_zh", "tier_reach")
)
#: residents' demand (top categories asked for, those missing) and satisfaction (share, at or above the 90% target)
DEMAND_FIELDS: tuple[FieldSpec, ...] = (
    *(FieldSpec(name, "text") for name in ("demand_top", "demand_top_zh", "unmet_demand", "unmet_demand_zh")),
    FieldSpec("satisfaction", "double"),
    FieldSpec("satisfaction_ok", "int"),
)


@dataclass(frozen=True)
class Addition:
    """One step of an upgrade: a whole layer (`field` None) or one field of an existing layer."""

    layer: str
    field: Optional[str] = None


HISTORY: tuple[SchemaChange, ...] = (
    SchemaChange(
        version=2,
        layers=("asset_events",),
        fields=(("circles", "reach_m"), ("circles", "street_m")),
    ),
    SchemaChange(
        version=3,
        fields=(
            ("coverage", "missing_required"),
            ("coverage", "missing_required_zh"),
            # the names the import algorithms write (v2 had source_crs, conversion and area_m2; never dropped)
            ("facilities", "coord_src"),
            ("facilities", "coord_conv"),
            ("facilities", "footprint_m2"),
            # which community and which kind of circle a coverage row is about (the report joins on them)
            ("coverage", "community_id"),
            ("coverage", "method"),
        ),
    ),
    # existing repeats of a (source, source_id) pair are merged into one row before the index is built
    SchemaChange(version=4, indexes=(FACILITY_SOURCE_KEY.name,)),
    # residents' needs, the themed lists they are collected in, and the micro-consultations held on them
    SchemaChange(version=5, layers=("needs", "need_lists", "consultations", "consultation_needs")),
    # the project list (项目清单) and its history
    SchemaChange(version=6, layers=("projects", "project_events")),
    # coverage keeps the 2025 figures; civil-defence level and wartime duty of an asset; residents' satisfaction
    # surveys; drawn polygon sites of projects
    SchemaChange(
        version=7,
        layers=("satisfaction", "project_sites"),
        fields=(
            *(("coverage", spec.name) for spec in COVERAGE_FIGURES),
            *(("coverage", spec.name) for spec in TIER_FIELDS),
            *(("coverage", spec.name) for spec in DEMAND_FIELDS),
            ("idle_assets", "level"),
            ("idle_assets", "wartime_duty"),
            # row versions checked at commit, and the version each history event made (core/workspace/integrity)
            *((layer, field) for layer in ("idle_assets", "circles") for field in ("version", "base_version")),
            ("projects", "base_version"),
            ("asset_events", "version"),
            ("project_events", "version"),
        ),
    ),
)


def _text(*names: str) -> tuple[FieldSpec, ...]:
    return tuple(FieldSpec(name, "text") for name in names)


_NOW = "now()"
_SYNTHETIC = FieldSpec("synthetic", "int", default="0")
#: the row version the database increments on every update, and the version an edit was based on (checked at commit)
_ROW_VERSION = (FieldSpec("version", "int"), FieldSpec("base_version", "int"))

COMMUNITIES = LayerSpec(
    "communities",
    "Point",
    (
        *_text("community_id", "name"),
        FieldSpec("population", "int"),
        FieldSpec("households", "int"),
        FieldSpec("source", "text"),
        _SYNTHETIC,
        FieldSpec("note", "text"),
    ),
)
CIRCLES = LayerSpec(
    "circles",
    "MultiPolygon",
    (
        *_text("circle_id", "name", "community_id"),
        FieldSpec("level_min", "int"),
        FieldSpec("method", "text"),
        FieldSpec("radius_m", "double"),
        FieldSpec("reach_m", "double"),
        FieldSpec("street_m", "double"),
        FieldSpec("area_m2", "double"),
        FieldSpec("note", "text"),
        FieldSpec("created", "datetime", default=_NOW),
        *_ROW_VERSION,
    ),
)
FACILITIES = LayerSpec(
    "facilities",
    "Point",
    (
        *_text(
            "facility_id",
            "name",
            "category",
            "category_class",
            "category_zh",
            "matched_by",
            "source",
            "source_id",
            "coord_src",
            "coord_conv",
            "address",
        ),
        FieldSpec("footprint_m2", "double"),
        _SYNTHETIC,
        FieldSpec("imported", "datetime", default=_NOW),
    ),
)
IDLE_ASSETS = LayerSpec(
    "idle_assets",
    "Point",
    (
        *_text("asset_id", "name", "asset_type", "owner"),
        FieldSpec("area_m2", "double"),
        FieldSpec("capacity", "int"),
        *_text("idle_windows", "condition"),
        FieldSpec("status", "text", default="'candidate'"),
        # storey of a civil-defence work or basement ("B1", "B2", …; "G" at ground level) and its 平战转换 duty
        *_text("level", "wartime_duty"),
        *_text("notes", "links", "source_layer"),
        FieldSpec("source_fid", "int64"),
        _SYNTHETIC,
        FieldSpec("created", "datetime", default=_NOW),
        FieldSpec("updated", "datetime", default=_NOW, default_on_update=True),
        *_ROW_VERSION,
    ),
)
ASSET_EVENTS = LayerSpec(
    "asset_events",
    None,
    (
        FieldSpec("asset_id", "text"),
        FieldSpec("time", "datetime", default=_NOW),
        *_text("field", "old_value", "new_value", "note", "user"),
        FieldSpec("version", "int"),
    ),
)
#: one resident need; the point is empty when the row was placed by its community only
NEEDS = LayerSpec(
    "needs",
    "Point",
    (
        FieldSpec("need_id", "text"),
        *_text("community_id", "category"),
        FieldSpec("weight", "double", default="1"),
        *_text("list", "priority", "text", "source"),
        FieldSpec("row", "int"),
        FieldSpec("date", "text"),
        *_text("classified_by", "located_by"),
        FieldSpec("imported", "datetime", default=_NOW),
    ),
)
#: a themed list (e.g. Dazha's red/yellow/blue lists); an empty community_id means every community
NEED_LISTS = LayerSpec("need_lists", None, _text("community_id", "name", "colour", "meaning"))
#: a micro-consultation (微协商) held on one list of one community
CONSULTATIONS = LayerSpec(
    "consultations",
    None,
    (
        *_text("consultation_id", "date", "community_id", "list", "topic"),
        FieldSpec("attendees", "int"),
        FieldSpec("outcome", "text"),
    ),
)
#: which needs a consultation discussed
CONSULTATION_NEEDS = LayerSpec("consultation_needs", None, _text("consultation_id", "need_id"))
#: one project of the project list; the site point (a drawn polygon is kept as its point on surface) is empty
#: while the project has no site yet (QGIS reads an empty mixed-geometry GeoPackage layer as a plain table)
PROJECTS = LayerSpec(
    "projects",
    "Point",
    (
        *_text("project_id", "name", "circle_id", "community_id", "category", "site_kind", "asset_id", "facility_id"),
        FieldSpec("floor_area_m2", "double"),
        FieldSpec("investment_wan", "double"),
        *_text("implementer", "funding", "start", "deadline", "lead_unit"),
        FieldSpec("status", "text", default="'planned'"),
        FieldSpec("note", "text"),
        FieldSpec("version", "int", default="0"),
        FieldSpec("created", "datetime", default=_NOW),
        FieldSpec("updated", "datetime", default=_NOW, default_on_update=True),
        FieldSpec("base_version", "int"),
    ),
)
#: every change of a project, oldest first; `kind` is created, changed or status
PROJECT_EVENTS = LayerSpec(
    "project_events",
    None,
    (
        FieldSpec("project_id", "text"),
        FieldSpec("time", "datetime", default=_NOW),
        *_text("kind", "field", "old_value", "new_value", "note", "user"),
        FieldSpec("version", "int"),
    ),
)
#: a drawn polygon site of a project (the project's point is a point on its surface)
PROJECT_SITES = LayerSpec("project_sites", "MultiPolygon", (FieldSpec("project_id", "text"),))
#: one residents' satisfaction survey of a community: a score (0–100) or the share satisfied (0–1)
SATISFACTION = LayerSpec(
    "satisfaction",
    None,
    (
        *_text("community_id", "circle_id"),
        FieldSpec("score", "double"),
        FieldSpec("share_satisfied", "double"),
        FieldSpec("sample_size", "int"),
        *_text("date", "source"),
        FieldSpec("imported", "datetime", default=_NOW),
    ),
)
META = LayerSpec(META_TABLE, None, _text("key", "value"))


def coverage_layer(categories: Sequence[Category]) -> LayerSpec:
    """The coverage layer: one `n_<code>` count per category, the per-class summaries, the GB 50180 level gaps."""
    return LayerSpec(
        "coverage",
        "MultiPolygon",
        (
            *_text("circle_id", "name"),
            FieldSpec("level_min", "int"),
            FieldSpec("population", "int"),
            *(FieldSpec(f"n_{category.code}", "int") for category in categories),
            FieldSpec("n_basic_present", "int"),
            *_text("missing_basic", "missing_basic_zh"),
            FieldSpec("n_quality_present", "int"),
            *_text("missing_quality", "missing_quality_zh"),
            FieldSpec("per_10k", "double"),
            FieldSpec("grade", "text"),
            *_text("missing_required", "missing_required_zh"),
            *_text("community_id", "method"),
            *COVERAGE_FIGURES,
            *TIER_FIELDS,
            *DEMAND_FIELDS,
        ),
    )


def workspace_layers(categories: Optional[Sequence[Category]] = None) -> tuple[LayerSpec, ...]:
    """Every user-facing layer of the current schema, in display order (default categories table if None)."""
    table = load_categories() if categories is None else categories
    return (
        COMMUNITIES,
        CIRCLES,
        FACILITIES,
        IDLE_ASSETS,
        ASSET_EVENTS,
        coverage_layer(table),
        NEEDS,
        NEED_LISTS,
        CONSULTATIONS,
        CONSULTATION_NEEDS,
        PROJECTS,
        PROJECT_EVENTS,
        PROJECT_SITES,
        SATISFACTION,
    )


def lookup_indexes(layers: Sequence[LayerSpec]) -> list[IndexSpec]:
    """A btree index on every LOOKUP_COLUMNS column of `layers` (named <layer>_<column>_idx)."""
    return [
        IndexSpec(f"{spec.name}_{field.name}_idx", spec.name, (field.name,), unique=False)
        for spec in layers
        for field in spec.fields
        if field.name in LOOKUP_COLUMNS
    ]


def display_name(layer: str) -> str:
    """Translated name shown in the layer tree."""
    names = {
        "communities": SchemaLabels.tr("Communities"),
        "circles": SchemaLabels.tr("Living circles"),
        "facilities": SchemaLabels.tr("Facilities"),
        "idle_assets": SchemaLabels.tr("Idle assets"),
        "asset_events": SchemaLabels.tr("Idle asset history"),
        "coverage": SchemaLabels.tr("Coverage"),
        "needs": SchemaLabels.tr("Residents' needs"),
        "need_lists": SchemaLabels.tr("Needs lists"),
        "consultations": SchemaLabels.tr("Consultations"),
        "consultation_needs": SchemaLabels.tr("Needs discussed in consultations"),
        "projects": SchemaLabels.tr("Projects"),
        "project_events": SchemaLabels.tr("Project history"),
        "project_sites": SchemaLabels.tr("Project sites"),
        "satisfaction": SchemaLabels.tr("Residents' satisfaction"),
        META_TABLE: SchemaLabels.tr("Workspace information"),
    }
    return names.get(layer, layer)


def legend_label(field: str, value: object) -> Optional[str]:
    """Translated legend text for a styled value (circle level, asset status, class), None if not a known one.

    `value` None is the style's catch-all category.
    """
    if value is None:
        return SchemaLabels.tr("Other")
    if field == "level_min" and isinstance(value, int):
        return SchemaLabels.tr("{minutes}-minute circle").format(minutes=value)
    statuses = {
        "candidate": SchemaLabels.tr("Candidate"),
        "under_review": SchemaLabels.tr("Under review"),
        "approved": SchemaLabels.tr("Approved"),
        "in_use": SchemaLabels.tr("In use"),
        "retired": SchemaLabels.tr("Retired"),
    }
    if field == "status" and value in statuses:
        return statuses[value]
    if field == "category_class" and value in CLASSES:
        return class_label(str(value))
    return None


def upgrade_plan(
    existing: Mapping[str, Sequence[str]],
    version: int,
    layers: Sequence[LayerSpec],
) -> list[Addition]:
    """Additions that bring a workspace at `version` with `existing` {layer: field names} to the current schema.

    The recorded steps newer than `version` come first, in version order; then anything else the current
    schema declares but the file lacks (e.g. `n_<code>` for a code added to the categories table).
    Nothing present is ever listed, so applying the plan twice is harmless.
    """
    wanted = {spec.name: spec for spec in layers}
    plan: list[Addition] = []

    def add(addition: Addition) -> None:
        if addition in plan:
            return
        if addition.field is None:
            if addition.layer not in existing:
                plan.append(addition)
        elif addition.layer in existing and addition.field not in existing[addition.layer]:
            plan.append(addition)

    for change in sorted(HISTORY, key=lambda item: item.version):
        if change.version > version:
            for name in change.layers:
                add(Addition(name))
            for name, field in change.fields:
                add(Addition(name, field))
    for name, spec in wanted.items():
        add(Addition(name))
        for field in spec.fields:
            add(Addition(name, field.name))
    return plan
