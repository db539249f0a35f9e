from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = 'q9#v@x2!m7$kz)wp4&h8(rt-b6+e0^yn3%jc1=fs5*gu@d'

DEBUG = False
ALLOWED_HOSTS = ['shop.example.org']
