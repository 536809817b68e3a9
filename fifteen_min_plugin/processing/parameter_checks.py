"""Parameter checks in the planner's words, made before an algorithm writes anything.

QGIS refuses a value outside a parameter's range or options with a bare "Incorrect parameter value for X";
`explain_refusal` says what is wrong and what is allowed instead. QGIS does not check that a chosen field
is in its layer at all (the run then fails half-way); `missing_field` does.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.language import Messages

#: the largest circle radius accepted, in metres: GB 50180-2018's largest level is 1,000 m (15 minutes), and
#: 5 km, an hour's walk, is already a district rather than a living circle; larger values are unit mistakes
MAX_RADIUS_M = 5000.0
#: the longest walk accepted, in minutes: GB 50180-2018's largest level is 15 minutes, and one hour
#: (about 4 km at 4 km/h) leaves room for studies beyond it
MAX_WALK_MINUTES = 60.0
#: the fastest "walking" speed accepted, in km/h: beyond walking (4 km/h) and cycling, a unit mistake
MAX_SPEED_KMH = 30.0
#: QgsProcessingParameterNumber's bounds when none is set (±DBL_MAX)
_UNBOUNDED = 1e300


class ParameterChecks(Messages):
    """Translation context of this module's messages."""


def _number(value: float) -> str:
    return f"{value:,.10g}"


def describe_refusal(definition: QgsProcessingParameterDefinition, value: Any) -> str:
    """Why `value` is not acceptable for `definition`, in one sentence, and that nothing was written."""
    return _reason(definition, value) + " " + ParameterChecks.tr("Nothing was written.")


def _reason(definition: QgsProcessingParameterDefinition, value: Any) -> str:
    name = definition.description()
    if value is None or value == "":
        return ParameterChecks.tr("“{name}” is required; give a value.").format(name=name)
    if isinstance(definition, QgsProcessingParameterNumber):
        low, high = definition.minimum(), definition.maximum()
        try:
            shown = _number(float(value))
        except (TypeError, ValueError):
            return ParameterChecks.tr("“{name}” must be a number (got “{value}”).").format(name=name, value=value)
        if low > -_UNBOUNDED and high < _UNBOUNDED:
            text = ParameterChecks.tr("“{name}” must be between {low} and {high} (got {value}).")
        elif low > -_UNBOUNDED:
            text = ParameterChecks.tr("“{name}” must be at least {low} (got {value}).")
        else:
            text = ParameterChecks.tr("“{name}” must be at most {high} (got {value}).")
        return text.format(name=name, low=_number(low), high=_number(high), value=shown)
    if isinstance(definition, QgsProcessingParameterEnum):
        options = "; ".join(f"{number} = {option}" for number, option in enumerate(definition.options()))
        return ParameterChecks.tr("“{name}” must be one of {options} (got “{value}”).").format(
            name=name, options=options, value=value
        )
    if isinstance(definition, QgsProcessingParameterFile) and definition.fileFilter():
        return ParameterChecks.tr("“{name}” must be a file of the types {types} (got “{value}”).").format(
            name=name, types=definition.fileFilter(), value=value
        )
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        return ParameterChecks.tr("“{name}”: a layer in “{value}” cannot be opened; check the paths.").format(
            name=name, value=value
        )
    return ParameterChecks.tr("“{name}”: “{value}” is not a valid value.").format(name=name, value=value)


#: QGIS's own message for a refused value, looked up in QGIS's catalogue (not ours: held in a constant so that
#: pylupdate5 does not copy it into the plugin's)
QGIS_BARE_REFUSAL = ("QgsProcessingAlgorithm", "Incorrect parameter value for %1")


def explain_refusal(
    algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext, message: str
) -> str:
    """The reason for the value QGIS refused with the bare `message`, or "" when QGIS gave a reason itself."""
    bare = QCoreApplication.translate(*QGIS_BARE_REFUSAL)
    for definition in algorithm.parameterDefinitions():
        value = parameters.get(definition.name())
        if not definition.checkValueIsAcceptable(value, context):
            return describe_refusal(definition, value) if message == bare.replace("%1", definition.name()) else ""
    return ""


def missing_field(algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
    """A sentence naming a chosen field that is not in its layer, or "".

    A field parameter left at its default is not checked: defaults are guesses (the OSM `highway` field)
    that the algorithms handle themselves when a layer does not have them.
    """
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField):
            continue
        value = parameters.get(definition.name())
        if value in (None, "", []) or value == definition.defaultValue():
            continue
        parent = definition.parentLayerParameterName()
        source = algorithm.parameterAsSource(parameters, parent, context) if parent else None
        if source is None:
            continue
        fields = source.fields()
        for name in algorithm.parameterAsFields(parameters, definition.name(), context):
            if fields.lookupField(name) < 0:
                return ParameterChecks.tr(
                    "The layer of “{layer}” has no field named “{field}” (chosen for “{parameter}”); its fields "
                    "are: {fields}. Nothing was written."
                ).format(
                    layer=algorithm.parameterDefinition(parent).description(),
                    field=name,
                    parameter=definition.description(),
                    fields=", ".join(fields.names()),
                )
    return ""
