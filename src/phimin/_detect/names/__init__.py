"""Names the statistical model misses: by title, relation, introduction, address.

Therapy text names people in ways a news-trained NER model does not expect:
lower-case speech-recognition transcripts ("[patient] my name is maria"), names that are
ordinary words ("my daughter Hope"), names in direct address ("thanks, Will."),
speaker tags ("MARIA: ..."), clinicians after titles ("dr marchetti aware"). These rules
work on spaCy's tokens and on the text, with the name lexicon; each has its own record
in the rule catalogue (`_detect/records/names.yaml`). One module per rule family:

- `titles`: a title, a credential, a clinical role or an initial next to a name;
- `kin`: a kin or relation word, "the X family", "X (daughter)";
- `speech`: greetings, direct address, introductions, speaker turns;
- `charting`: who was told, who called, who signed, who visited;
- `guesses`: census names and unknown capitalized words, with no context;
- `student`: what the case-robust name model reads in text without capitals;
- `tokens`: what they share; `recognizer`: the order they run in.

The text's case decides how much capitals mean: in mixed-case text a capital is
evidence; in all-caps or all-lower text it is not, and the lexicon must carry it.
"""

from phimin._detect.names.recognizer import NameRecognizer
from phimin._detect.names.student import StudentNameRecognizer

__all__ = ["NameRecognizer", "StudentNameRecognizer"]
