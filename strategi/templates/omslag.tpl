{{ config.extra.strategi_omslag }}
