"""Rule packs the tests load, written for them (a quokka and a pet: nobody's data)."""

# A pack of one rule on a made-up matter.
QUOKKA_PACK = """
schema: 1
pack: tst
entity: TEST_MATTER
generalize_to: "[test matter]"
rules:
  - id: TST-001
    regex: ['\\bquokka (?:sighting|census)\\b']
    cases: [{text: "A quokka sighting.", expect: "A [test matter]."}]
    ok: ["nothing here"]
"""

# A pack with an entity of its own, for a policy that names it.
PET_PACK = """\
schema: 1
pack: pets
entity: PET_NAME
generalize_to: "[pet]"
rules:
  - id: PET-001
    name: a dog named in a note
    score: 0.9
    phrases: [biscuit the beagle]
    cases:
      - text: "She walks biscuit the beagle daily."
        expect: "She walks [pet] daily."
    ok:
      - "She ate a biscuit with her tea."
"""
