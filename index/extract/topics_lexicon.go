package extract

// topicLexicon is the vocabulary of each IPTC top-level Media Topic: general
// news words, written for this project from general knowledge, no names of
// people. Each line is "weight: words"; weights run from 0.5 (a hint that
// many stories share) to 3 (a word that on its own says what the story is
// about). Words are lower case ASCII; "_" joins a two-word phrase, which
// replaces its two words' own weights where it occurs ("air_strike" is war,
// not a labour dispute; "heart_attack" is health, not war); "!" after a word
// stops the regular inflections that buildTopicIndex otherwise adds (plural,
// -ed, -ing), for words whose inflections mean something else ("fire!" must
// not make "fired"). Irregular forms are listed where they matter. A word
// may serve several labels, with its own weight in each.
var topicLexicon = []topicLexiconEntry{
	{"arts, culture, entertainment and media", `
3: film movie cinema filmmaker film_maker screenplay screenwriter hollywood bollywood oscar bafta grammy
3: emmy golden_globe box_office album singer songwriter rapper guitarist drummer bassist vocalist
3: musician orchestra symphony opera ballet choreographer choreography theatre theater playwright
3: novelist poet poetry poem literature literary bestseller bestselling paperback museum sculptor
3: sculpture painter artwork curator documentary sitcom soap_opera blockbuster sequel prequel soundtrack
3: lyrics jazz hip_hop rap reggae comedian entertainment showbiz actor actress song sang! sung! music
3: concert premiere rock_band pop_star pop_music pop_group boy_band girl_band record_label film_festival
3: box_set talent_show reality_tv reality_show red_carpet west_end broadway brit_awards biopic cinematic
3: pianist singles_chart album_chart download_chart indie stadium_tour farewell_tour world_tour
3: concert_tour new_album final_album violinist cellist composer opera_house art_gallery arthouse
3: entertainer supporting_actor supporting_actress best_actor best_actress best_film best_director
2.5: band artist art arts artistic painting exhibition gallery galleries fiction memoir biography
2.5: musical comedy comedies cartoon cartoonist broadcaster broadcasting presenter viewers filming
2.5: singing dance dancing dancer performer critic festival starring starred celebrity photographer
2.5: photography acclaimed orchestral hit_single debut_album nominations remake acting dj
2: novel author! authors! drama dramas animation animated television tv radio journalism journalist
2: newspaper tabloid magazine culture studio nominated nominee book books publisher publishing media
2: press_freedom episode channel broadcast audience award prize nomination pop chart charts top_ten
2: streaming podcast cd vinyl remix columnist newsroom free_speech comic auction auctioneer manuscript
2: record_company music_industry film_industry entertainment_industry writer love_story premiered sings
2: heritage exhibit genre soap adaptation
1.5: critics cultural directed director producer producers rock folk tour touring editor reporter
1.5: commentator anchor star franchise screen channels ratings cast casting character ceremony thriller
1.5: horror icon iconic legendary portrayal portrays audition costume script conductor dvd tale
1.5: featuring screenings
1: cookbook influencer show! stage staged role story stories plot scene performance performed producing
1: series programme headline video classic listeners category epic topped label acts mainstream
0.5: shows hit hits released release original
`},
	{"conflict, war and peace", `
3: war warfare troops soldier army armies military militia rebel insurgent insurgency militant militants
3: ceasefire cease_fire truce armistice peacekeeping peace_keeping peacekeeper peacekeepers airstrike
3: air_strike drone_strike missile_strike military_strike shelling artillery missile bombardment
3: invasion invade counteroffensive frontline front_line battlefield warplane fighter_jet gunfire
3: jihadist jihad terrorism terrorist suicide_bomber suicide_bombing suicide_attack car_bomb
3: roadside_bomb nuclear_weapon chemical_weapons ammunition munitions genocide war_crime war_crimes
3: atrocities ethnic_cleansing peace_talks peace_deal peace_agreement peace_process peace_plan
3: peace_treaty peace_accord hostilities armed_forces air_force air_defence air_defense brigade
3: battalion regiment platoon infantry paratroopers commandos special_forces navy naval marines warship
3: submarine sniper guerrilla landmine disarmament rearmament conscription defence_secretary
3: defence_minister defense_secretary war_zone warring belligerent mercenary mercenaries paramilitary
3: paramilitaries cluster_bomb cold_war cruise_missile explosive_device peace_force security_guarantee
3: air_raid prisoner_exchange prisoner_swap
2.5: bombing bomb explosives weapon arms_embargo arms_race wartime postwar pre_war civilians
2.5: civilian_casualties hostage captives massacre siege besieged coup junta pentagon nato commander
2.5: security_forces humanitarian_corridor refugee_camp clashes clashed rocket_attack drone_attack
2.5: missile_attack terror_attack mobilisation mobilization defence_ministry defense_ministry war_torn
2.5: escalation de_escalation annexed annexation occupying_forces occupied_territory tank_battle
2: west_bank peace conflict wounded casualties displaced fighting fought! armed intercepted retreat
2: surrender hostile enemy enemies ally allies alliance warheads nuclear_arsenal ballistic extremist
2: extremism radicalised radicalized overthrow stalemate bunker trenches shell shells raid raids
2: nuclear_programme nuclear_program spy spies espionage intelligence_services combat offensive fighters
2: occupation deployment deploy veterans
1.5: defence defense attack! attacks attacked strike strikes killed explosion blast battle battles tank
1.5: tanks drone rocket rockets retaliation retaliate kidnapped abducted islamist refugees
1: struck! security! threat threats tension tensions regime clash death_toll victims aid! humanitarian
1: deaths dead killing border assault
`},
	{"crime, law and justice", `
3: policeman policemen policewoman detective arrest murder murderer homicide manslaughter stabbing
3: gunman robbery robber burglary burglar theft thief thieves stolen stole! steal embezzlement bribery
3: money_laundering laundering trafficking trafficker smuggling smuggler gang gangster mafia rapist rape
3: kidnap kidnapper abduction crime criminal offender jury juror verdict guilty acquitted acquittal
3: convicted conviction jail imprisonment imprison inmate parole probation prosecutor prosecution
3: prosecute defendant plaintiff courtroom forensic vandalism arson arsonist shoplifting extradition
3: extradite law_enforcement death_penalty capital_punishment knife_crime gun_crime hate_crime
3: high_court crown_court magistrate criminal_charges pleaded_guilty pleaded_not pleads_guilty pleaded
3: suspects fraudster drug_dealer drug_dealing drug_trafficking drug_gang cartel police_officer on_trial
3: jail_sentence prison_sentence life_sentence custodial remanded sentencing indicted indictment
3: misdemeanour felony murder_trial criminal_court supreme_court prison prisoner
2.5: assault police policing suspect fraud fraudulent scam scammer corruption corrupt bribe lawyer
2.5: attorney barrister solicitor_general judicial custody investigators crime_scene killer shot_dead
2.5: gunmen unlawful unlawfully riot rioter looting looter domestic_violence domestic_abuse child_abuse
2.5: sexual_abuse sexual_assault harassment stalking fbi interpol offence offense legal_action
2.5: court_case court_ruling jailing raided contraband counterfeit police_force copyright_infringement
2.5: infringement cybercrime justice_system criminal_justice bail ransomware extortion dark_web leak_site
2: lawsuit sue litigation court tribunal trial testify testimony charged charges judge judges witness
2: shooting illegal illegally warrant fined kidnapped abducted justice_secretary attorney_general qc
1.5: drugs justice ruling solicitor fines misconduct patrol crackdown raid copyright piracy hacking
1.5: hacker convict officers detained detention deported seized seizure trials detainees
1: law legal hearing inquiry investigation abuse victim victims suspected damages appeal appeals
1: evidence alleged allegedly accused accusing penalty killed killing banned ban illicit
0.5: laws
`},
	{"disaster, accident and emergency incident", `
3: earthquake quake tremor aftershock tsunami volcano volcanoes volcanic eruption erupted landslide
3: mudslide avalanche wildfire bushfire forest_fire blaze firefighter fire_brigade fire_crews
3: fire_service fire_fighters plane_crash car_crash air_crash helicopter_crash train_crash bus_crash
3: road_accident car_accident traffic_accident derailed derailment capsized shipwreck drowned drowning
3: disaster death_toll emergency_services paramedic rescuers rescue_workers rescue_teams evacuated
3: evacuation evacuees rubble wreckage emergency_landing pile_up sinkhole stampede coastguard
3: coast_guard lifeboat gas_leak gas_explosion chemical_spill oil_spill building_collapse mine_collapse
3: catastrophe catastrophic survivors humanitarian_crisis disaster_relief natural_disaster flash_flood
3: floodwaters flood_waters famine fatalities fatally hurricane typhoon cyclone tornado tornadoes
3: emergency_shelter rescue_crews food_aid food_shortage food_insecurity starvation
2.5: humanitarian flood flooding flooded fire_broke burning_building explosion accident accidental
2.5: accidentally collision collided sank sinking trapped aid_agencies relief_effort relief_workers
2.5: missing_people devastation inferno storm_damage debris survivor blast
2: hunger malnutrition landfall storm_surge fire! fires! emergency rescue rescued casualty casualties
2: ambulance hazard hazardous evacuate toll crash crashed crashes devastated destroyed drought power_cut
2: power_outage blackout outage red_cross homes_destroyed injured
1.5: injuries damage! damaged survived collapse collapsed aftermath died killed dead deaths tragedy
1.5: tragic
1: roofs death victims missing leak! relief aid! warning alert
`},
	{"economy, business and finance", `
3: economy economic economically economist gdp inflation deflation recession interest_rate central_bank
3: monetary investor shareholder stock_market stock_exchange stockmarket dividend profit profitable
3: revenue earnings tariff currency currencies exchange_rate yen merger takeover ceo chief_executive
3: quarterly bankruptcy bankrupt insolvency liquidation creditor bailout wall_street nasdaq dow_jones
3: ftse nikkei hedge_fund ipo flotation subsidiary retailer car_maker carmaker automaker drugmaker
3: credit_rating imf world_bank wto oecd opec trade_deficit trade_surplus current_account housing_market
3: house_prices consumer_spending retail_sales consumer_confidence economic_growth growth_rate rate_rise
3: rate_cut rate_hike share_price stock_price market_share pre_tax bond_yields bond_market oil_price
3: commodity commodities chief_financial finance_director venture_capital private_equity profit_warning
3: turnover conglomerate multinational asset_management takeover_bid buyout net_profit net_income
3: net_loss blue_chip hostile_takeover hostile_bid rescue_deal rescue_package bail_out tax_relief
3: price_cap federal_reserve trillion yuan slowdown plc
2.5: barrel crude bank banking banker finance financial fiscal investment invest shares stock equity
2.5: equities trading trader exports export exporter imports import importer dollar euro sterling firm
2.5: firms business businesses corporate corporation manufacturing manufacturer debt borrowing loan
2.5: lending lender mortgage insurer insurance valuation acquisition acquire deficit surplus
2.5: budget_deficit analyst entrepreneur supermarket boardroom sector cost_cutting restructuring subsidy
2.5: subsidies tax_rise tax_cut vat antitrust monopoly competition_commission productivity jobs_market
2.5: job_cuts privatisation privatization nationalisation cash_flow balance_sheet airline corp holdings
2.5: consortium savings accounting
2: company companies industry consumer consumers chairman regulator bonds market markets sales trade
2: trade_deal trade_talks customer client brand products product profits_rose output growth demand!
2: supply supplier spending fund funding pension asset capital tax taxation income wealth wealthy
2: billion bn energy_prices energy_firm retail retailing shop shoppers aviation shipping logistics
2: telecoms pharmaceutical treasury budget slump downturn boom agriculture agricultural startup
2: insolvent merchant wholesale steel percentage_points sluggish pence
1.5: sold! sell buy buying bought! price pricing cost costs deal deals executive valued stake forecast
1.5: premium property real_estate store stores chain operator mining miner rally gas oil energy money
1.5: cash spend spent! jobs employment unemployment wages salary rent landlord securities farming
1.5: farmers loss losses exporting importing outlets interest! credit gains outlook consumption goods
1.5: consolidation transactions inc ltd
1: launch launched owner owners owned buyers sellers worth rival rivals contract contracts factory
1: factories plant plants production produce! gold silver percent per_cent board chief bid offer! offers
1: rate rates expansion recovery construction filing purchase carrier sharply weaker gross audit index
0.5: million millions stakes rose fell
`},
	{"education", `
3: schoolteacher attainment ucas international_students stem_subjects academic_year teacher_training
3: vice_chancellor educationalist pedagogy degree_course school_uniform state_school private_school
3: independent_school boarding_school special_needs school_inspectors school_closures school schooling
3: pupil student teacher teaching classroom university universities tuition tuition_fee exam examination
3: gcse a_level curriculum syllabus headteacher head_teacher headmaster headmistress kindergarten
3: preschool primary_school secondary_school high_school undergraduate postgraduate literacy numeracy
3: education educational educator ofsted schoolchildren schoolboy schoolgirl enrolment enrollment enrol
3: enroll truancy homework textbook phd doctorate semester vocational student_loan lecturer
3: education_secretary education_minister school_year school_board further_education higher_education
3: college_students university_students grammar_school comprehensive_school faith_school
3: teaching_assistant class_sizes exam_results tutor tutoring scholarship
2.5: admissions playground campus academic graduates graduate graduation bursary learners taught! teach
2.5: dissertation thesis alumni
2: maths bullying timetable provost college degree lesson classes dropout apprenticeship nursery
2: exam_board school_meals school_leavers early_years learning professor dean faculty qualifications
2: students_union teaching_union
1.5: applicants courses academy qualification
1: principal math study studying grade test tests training skills
0.5: class
`},
	{"environment", `
3: environmental environmentalist climate_change global_warming greenhouse greenhouse_gas carbon_dioxide
3: co2 methane pollution pollutant polluted polluting polluter air_quality renewable renewables
3: renewable_energy wind_farm wind_power wind_turbine fossil_fuel deforestation rainforest biodiversity
3: ecosystem conservationist landfill sea_level glacier ice_sheet ozone net_zero decarbonise
3: decarbonisation decarbonize decarbonization clean_energy paris_agreement kyoto_protocol overfishing
3: wetlands ecological ecology ecologist habitat endangered_species emissions_targets carbon_emissions
3: emission_cuts climate_crisis climate_action climate_targets extinction solar_power solar_panel
3: solar_farm green_energy environment_secretary environment_minister environment_agency plastic_waste
3: plastic_pollution poaching poacher coral_reef whaling nature_reserve national_park
2.5: environment climate emission emissions carbon endangered conservation wildlife species recycling
2.5: recycle recycled sustainable sustainability pesticide contamination contaminated coral reef arctic
2.5: antarctic ivory whale extinct eco green_groups electric_vehicle electric_car energy_efficiency
2.5: deforested biofuel nuclear_power climate_scientist water_shortage
2: reservoir waste toxic melting coal ocean oceans marine forest forests greens solar wind_energy
2: logging plastic animals biodiversity_loss drought flooding_risk water_supply energy_use polar
2: farmland soil rewilding
1.5: green nature natural_habitat river rivers trees tree planting organic
1: natural energy fishing farming water
0.5: land
`},
	{"health", `
3: health healthcare health_care hospital hospitalised hospitalized patient doctor nurse surgeon surgery
3: surgical physician gp clinic clinical clinical_trial medical medicine medication prescription
3: pharmacy pharmacist vaccine vaccination vaccinate immunisation immunization disease illness infection
3: infected infectious outbreak epidemic pandemic cancer tumour tumor diabetes obesity obese
3: heart_disease heart_attack dementia alzheimer asthma hiv malaria tuberculosis cholera measles polio
3: ebola influenza covid coronavirus symptom diagnosis diagnosed diagnose therapy therapies therapist
3: mental_health nhs health_service waiting_list care_home transplant midwife midwives antibiotic
3: antiviral immune allergy allergies cardiac dental dentist quarantine epidemiologist public_health
3: health_secretary health_minister world_health health_officials bird_flu swine_flu flu_vaccine
3: life_expectancy blood_pressure cholesterol pregnancy pregnant maternity ivf infant_mortality medics
3: paediatric pediatric psychiatric psychiatrist side_effects hospital_beds intensive_care nursing_home
2.5: drug_trial bacteria bacterial flu nursing sick sickness mortality smoking smokers tobacco cigarette
2.5: alcohol_abuse binge_drinking overdose addiction addicted nutrition contraception abortion fertility
2.5: medic ambulance_service organ_donor blood_test screening_programme hygiene sanitation lockdown
2.5: infection_rate lung lungs kidney liver brain_damage healthy_eating wellbeing well_being
2.5: pharmaceuticals drugs_company medically painkiller malnutrition
2: aids virus viruses treatment treated_for ill ill_health drug drugs pill pills jab disability mental
2: chronic dose doses scan scans births calories death_rate
1.5: care carers ward wards stroke depression anxiety suicide blood brain organ injury injuries diet
1.5: exercise
1: special_needs treated cure cured health_risk heart! fitness study
0.5: risk risks
`},
	{"human interest", `
3: animal_sanctuary metal_detector detectorist time_capsule lookalike viral_video internet_sensation
3: octogenarian nonagenarian oldest_man oldest_woman fancy_dress prank birthday centenarian heartwarming
3: kitten puppy puppies reunited reunion lottery_winner jackpot long_lost 100th_birthday golden_wedding
3: wedding_anniversary oldest_person royal_wedding royal_baby obituary obituaries quirky eccentric
2.5: anniversary centenary wedding bride bridegroom groom honeymoon pet zoo panda twins triplets
2.5: coronation jubilee kindness bizarre oddball celebrity_couple good_samaritan fundraiser heroic
2.5: bravery royals royal_family
2: stray parrot tortoise penguin giraffe gorilla hedgehog owl swan great_grandfather hoard selfless
2: royal monarch monarchy queen king prince princess duke duchess dog cat animal elephant zookeeper
2: newborn baby_boy baby_girl grandmother grandfather grandparents grandson granddaughter lottery
2: great_grandmother funeral mourners treasure stranger collector santa costume dressed_as fundraising
2: charity_walk miracle
1.5: lion tiger feat hoax inspiring inspirational mascot record_breaking palace hero tribute celebrate
1.5: celebration world_record guinness tallest oldest youngest viral baby babies memories remembered
1: goat sheep cow horse cheer delight veteran sponsored family families married marry marriage engaged
1: mother father mum dad daughter son village villagers fame famous surprise! lucky luck proud
1: remarkable incredible amazing celebrity celebrities
`},
	{"labour", `
3: labor trade_union trade_unionist labor_union unionised unionized walkout walk_out walked_out
3: industrial_action picket picketing picket_line workforce redundancy redundancies laid_off layoff
3: lay_off job_cuts job_losses minimum_wage living_wage pay_rise pay_deal pay_dispute pay_claim
3: pay_offer pay_freeze pay_cut working_hours work_hours zero_hours collective_bargaining tuc acas
3: gig_economy working_conditions labour_market labor_market labour_law labor_law labour_shortage
3: labor_shortage labour_dispute labor_dispute labour_costs labor_costs labour_rights labor_rights
3: workers_rights employment_tribunal union_leader union_members union_member union_official union_boss
3: strike_action general_strike on_strike strike_ballot strike_vote national_strike staff_shortages
3: child_labour child_labor forced_labour forced_labor sick_pay sick_leave maternity_leave
3: paternity_leave parental_leave unemployment_benefit jobseekers jobless joblessness unemployment_rate
3: employment_rate jobless_rate retirement_age pension_age overtime_ban remote_working wage_growth
3: wage_rise wage_increase balloted down_tools
2.5: worker workers employee employees employer employment unemployment unemployed wage wages
2.5: understaffed workplace occupational apprentices unskilled migrant_workers stoppage hiring
2.5: recruitment vacancies job_security payroll freelancers freelance casual_workers strike strikes
2: union unions strikers salary salaries staffing labour_ministry labour_minister
1.5: jobs job pension pensions retirement staff recruit hired hire sacked dispute arbitration mediation
1.5: apprentice apprenticeship skills skilled negotiators dismissal
1: ballot contract contracts shift shifts training career fired dismissed striking hours benefits pay
0.5: labour work! working worked
`},
	{"lifestyle and leisure", `
3: sommelier street_food cookbook tasting_menu glamping staycation cruise_ship tourist_attraction
3: travel_guide pilates allotment houseplants knitting streetwear self_care mindfulness motorhome
3: campsite fashionista tourism tourist holidaymaker vacation resorts sightseeing backpacking recipe
3: cuisine chef baking cocktail vegetarian vegan fashion! fashions catwalk fashion_week fashion_designer
3: hairstyle gardening gardener interior_design home_decor diy hobby hobbies leisure pastime yoga
3: camping lifestyle wellness picnic barbecue gourmet foodie michelin nightlife theme_park crossword
3: horoscope astrology home_improvement package_holiday travel_industry weekend_break city_break
3: road_trip wine_tasting fine_dining food_lovers gastronomy online_dating dating_app
2.5: barista brunch farmers_market decor crafting sewing sneakers meditation caravan travel travelling
2.5: traveling traveller traveler holiday cruise beach destination restaurant dish dishes meal dining
2.5: diner cafe bakery cake wine winery beer brewery cider menu ingredient flavour flavor tasting
2.5: clothing clothes makeup skincare garden workout jogging outdoors spa parenting festive amusement
2.5: rollercoaster board_games motoring classic_car antique fashionable trendy wardrobe jewellery
2.5: jewelry perfume handbag hiking hiker
2: sunbathing crafts pottery tattoo influencer resort hotel food foods coffee dress dresses designer
2: beauty cosmetics skiing shopping luxury toy furniture chocolate summer_holidays
1.5: takeaway hotel_room selfie cook cooks cooking style fitness gym relaxation relax relaxing puzzle
1.5: vintage homeowners trip visitors tea dinner lunch breakfast christmas
1: interior trainers sleep hair dating trend trends weekend weekends bar bars pub pubs fun enjoy
1: enjoying enjoyed
`},
	{"politics", `
3: politics political politically politician ministerial prime_minister presidential presidency
3: parliament parliamentary mp mps lawmaker legislator legislature legislative senate senator congress
3: congressional congressman congresswoman election electoral electorate voter opinion_poll candidacy
3: cabinet reshuffle home_secretary foreign_secretary foreign_minister foreign_office foreign_policy
3: diplomat diplomatic diplomacy bilateral multilateral democrat republican tory tories lib_dem
3: liberal_democrats manifesto constituency constituencies constituents referendum mayoral councillor
3: downing_street whitehall white_house kremlin impeachment impeach veto backbench backbencher
3: frontbench hustings canvassing polling_day polling_station general_election by_election midterm
3: midterms primaries caucus partisan bipartisan filibuster opposition_leader shadow_chancellor
3: shadow_home shadow_foreign shadow_cabinet party_leader labour_party labour_leader labour_government
3: labour_mp conservative_party conservative_leader liberal_party green_party ruling_party state_visit
3: foreign_affairs geopolitical secretary_general security_council un_security european_commission
3: european_parliament eu_leaders eu_membership civil_service civil_servant id_card identity_card
3: spin_doctor campaign_trail election_campaign political_party political_parties deputy_prime
3: peace_summit eu_summit nato_summit g7 g8 g20 government governments governmental minister ministers
3: home_office conservative conservatives labour lords constitution constitutional amendment summit
2.5: ministry shadow democracy democratic vote voted voting ballot polling polls elected elect liberal
2.5: liberals socialist communist nationalist populist far_right far_left left_wing right_wing
2.5: centre_left centre_right mayor municipal westminster commons legislation lobbying lobbyist dictator
2.5: dictatorship authoritarian autocrat autocratic sovereignty separatist secession
2.5: independence_referendum inauguration inaugurated sworn_in incumbent embassy envoy treaty sanctions
2.5: coalition_government coalition_partners opposition_parties rebel_mps chancellor eu european_union
2.5: united_nations un nato taxpayer public_spending public_services spending_plans pre_budget budget
2.5: asylum immigration immigration_policy border_control deportation citizenship protesters protestors
2.5: demonstrators human_rights civil_liberties peers party parties
2: president presidents governor premier policy policies candidate leader leaders debate regime
2: labour_ministry labour_minister ambassador federal governing protest protests petition pledge pledged
2: declaration accord! resign resigned resignation think_tank soviet_union african_union
2: state_department defence_policy visa migrants immigrants border welfare pensioners talks negotiations
2: seats assembly
1.5: peace_talks peace_deal peace_agreement peace_process peace_plan peace_treaty peace_accord tax
1.5: opposition coalition leadership campaign campaigning campaigner reform reforms bill negotiate
1.5: negotiated negotiating scandal council lobby activists regulation signing_ceremony allies secretary
1.5: committee
1: supreme_court bills whip rally rallies sleaze convention commissioner proposals rift departments
1: unity deputy liberty opposed agenda
0.5: spokesman spokeswoman official officials state states nation national country countries public law
0.5: laws plan plans power powers issue! rights freedom
`},
	{"religion", `
3: religion religious faiths believers church cathedral mosque synagogue monastery monk nun pope papal
3: vatican bishop archbishop priest priesthood clergy clergyman clergymen cleric imam rabbi pastor vicar
3: preacher evangelical evangelist christian christianity catholic catholicism protestant anglican
3: muslim islam islamic jewish jew jews judaism hindu hinduism buddhist buddhism sikh sikhism atheist
3: atheism prayer pray prayed praying worship worshipper worshiper congregation parish diocese sermon
3: bible biblical quran koran torah scripture theology theologian pilgrim pilgrimage ramadan eid diwali
3: hanukkah passover blasphemy heresy missionary missionaries baptism baptised baptized ordination
3: ordained synod apostle interfaith ecumenical creationism spirituality halal kosher hijab burka burqa
3: sharia fatwa faith_leaders religious_leaders holy_see religious_freedom pontiff papacy pontificate homily
3: basilica
2.5: faith temple shrine sacred secular sect sectarian spiritual communion messiah allah chaplain mystic
2.5: deity
2: god gods divine holy cardinal cardinals orthodox chapel islamist antisemitism islamophobia headscarf
2: headscarves salvation worshipped
1.5: saint saints heaven sin sins faithful veil choir denomination
1: meditation easter belief beliefs soul souls convert
0.5: christmas
`},
	{"science and technology", `
3: science sciences scientific scientist physics physicist chemistry chemist biology biologist astronomy
3: astronomer astrophysics cosmology spacecraft space_station astronaut nasa telescope galaxy galaxies
3: asteroid comet black_hole quantum molecule molecular genome genomic stem_cell dinosaur archaeology
3: archaeologist archaeological mathematics mathematician technology technologies technological tech
3: hi_tech high_tech computer computing software algorithm ai artificial_intelligence machine_learning
3: robot robotic robotics internet broadband wireless wi_fi wifi cloud_computing gadget smartphone
3: mobile_phone handset cellphone laptop microchip semiconductor processor chipmaker apps hacker cyber
3: ransomware fintech
3: cyberattack cyber_attack cybersecurity cyber_security malware spyware spam spammer phishing firewall
3: encryption encrypted browser search_engine gamers multiplayer operating_system open_source
3: silicon_valley nanotechnology biotech biotechnology gigabyte megabyte terabyte megapixel bandwidth
3: touchscreen voip isp internet_service net_users web_users online_users digital_camera file_sharing
3: filesharing peer_to p2p mp3 video_game videogame games_console computer_virus computer_game web_page
3: webpage dvd_player dvd_recorder high_definition hd digital_tv digital_music music_player
3: portable_player tech_firm technology_firm self_driving laboratory scientific_research space_agency
3: orbit orbiting orbital lunar rover particle peer_reviewed evolutionary cloning cloned genetically
3: genetic_engineering genes gene genetic genetics climate_model palaeontologist paleontologist
3: biometric biometrics user_interface hard_drive flash_memory digital_rights text_message
3: text_messaging texting sms instant_messaging social_networking social_network software_developer
3: programmer programming_language coding digital digitally multimedia handheld dial_up dot_com ringtone
3: bluetooth instant_messenger
2.5: console virtual_reality 3g 4g 5g experiment experimental laboratories lab fossil embryo dna
2.5: satellite planet planetary interface researcher research_team innovation innovations invention
2.5: inventor patent prototype electronic electronics web networking server database hardware silicon
2.5: download upload hacking hacked tablet battery wearable podcast social_media telecoms
2.5: telecommunications 3d blog blogger blogging app online mobile mobiles phone phones device devices
2.5: users user gaming website websites web_site web_sites graphics messaging
2: research engineering engineer data data_centre chip chips virtual email emails e_mail virus viruses
2: worm worms security_firm automation automated study_published findings discovery moon mars atom
2: atomic evolution pc new_technology electric_car electric_vehicle satellite_tv drones interactive
2: audio malicious click com! recorder microsoft google intel ibm nokia samsung nvidia openai linux
2: iphone ipod ipad playstation xbox nintendo
1.5: study studies studied space rocket rockets upgrade glitch bug bugs version versions memory storage
1.5: pixel pixels camera cameras cell cells program programs code drone developer developers screen
1.5: screens innovative games video portable install installed files processing applications subscribers
1.5: communications sites provider format formats
1: test tested testing launch technical signal display television tv machine machines network networks
1: images speeds connected connection connections update updates updated content file subscription
1: automatically windows net game
0.5: system systems
`},
	{"society", `
3: societal homeless homelessness food_bank inequality inequalities discrimination racism racist racial
3: feminism feminist sexism sexist misogyny lgbt lgbtq lesbian transgender same_sex gay_marriage
3: civil_partnership childcare child_poverty demographic demographics census birth_rate multicultural
3: multiculturalism volunteering social_worker social_services social_care affordable_housing
3: social_housing council_housing social_mobility working_class middle_class wealth_gap universal_credit
3: welfare_state rough_sleeper rough_sleeping deprivation deprived underprivileged marginalised
3: marginalized stereotype prejudice antisocial anti_social honour_killing forced_marriage
3: modern_slavery human_trafficking asylum_seeker refugee_status gender_equality gender_gap equal_pay
3: civil_rights disability_rights elderly_people older_people young_people child_protection
3: social_exclusion caste indigenous_people aboriginal poverty
2.5: welfare_benefits benefits_system equality gender ethnic ethnicity minority minorities elderly
2.5: pensioner ageing aging charity charities charitable volunteer nonprofit non_profit ngo gay gays
2.5: divorce migration migrant orphan orphanage domestic_violence domestic_abuse child_abuse addiction
2.5: drug_abuse alcoholism gambling antisemitism islamophobia hate_crime racially millennials disabled
2.5: disability
2: population diversity inclusion housing trans refugee refugees vulnerable slum shelter indigenous
2: tribe community_groups community_leaders social_problems social_issues teenagers teenage youth youths
2: immigration asylum migrants immigrants
1.5: social society community communities marriage poor parents adoption protest protests donation donor
1.5: dignity integration
1: bullying hunger family families children child women girls activist activists activism rights
1: benefits residents equal generation neighbourhood neighborhood
0.5: young
`},
	{"sport", `
3: sport sporting sportsman sportsmen sportswoman football footballer soccer cricket cricketer rugby
3: tennis golf golfer athletics athlete boxing boxer olympic olympics olympian paralympic paralympics
3: world_cup striker midfielder goalkeeper winger teammate premiership premier_league semi_final
3: quarter_final tournament stadium referee umpire free_kick scorer equaliser equalizer unbeaten
3: relegation relegated fixture hamstring wicket innings batsman batsmen batting bowler bowling
3: test_match test_series scrum lineout fly_half scrum_half six_nations grand_slam wimbledon grand_prix
3: formula_one f1 pole_position sprinter medal medallist gold_medal silver_medal bronze_medal
3: personal_best world_champion doping anti_doping nba nfl nhl fifa uefa ioc baseball basketball hockey
3: ice_hockey volleyball handball snooker darts horse_racing jockey racehorse equestrian motorsport
3: skier snowboard snowboarding skating ice_skating skater wrestling wrestler judo karate taekwondo
3: rowing rower triathlon gymnastics gymnast archery badminton table_tennis half_time halftime
3: extra_time injury_time stoppage_time touchdown quarterback home_run captaincy gaffer hat_trick
3: clean_sheet offside crossbar heavyweight middleweight welterweight ufc set_point match_point
3: break_point tiebreak tie_break deuce backhand forehand trophy silverware qualifier group_stage
3: knockout_stage playoff play_off commonwealth_games rugby_league rugby_union flanker touchline spinner
3: team_mate league_title cup_final fa_cup champions_league world_title penalty_shootout penalty_kick
3: goal_difference away_goals home_side away_side first_leg second_leg test_cricket twenty20 t20
3: run_chase centre_back full_back kick_off ligament cruciate sprint_title athletics_championships
3: cross_country league_leaders internationals olympic_games on_loan loan_spell loan_move new_signing
3: tour_de drug_test drugs_test banned_substance steroid steroids wada
2.5: squash! matches goals coach coaching squad league championship championships cup finals scored
2.5: header derby transfer_window transfer_fee try_line ankle groin sidelined racing sprint marathon lap
2.5: ashes seeded volley cyclist cycling swimmer swimming knockout skipper selector call_up opener
2.5: spectators midfield winning_goal own_goal injury_crisis title_race title_bid top_flight second_tier
2.5: promotion_race away_win home_win substitute beaten
2: podium relay match team teams goal season player champion club fans penalty penalties injury races
2: hurdles bout sailing captain capped defender forwards fitness training_ground training_camp loan_deal
2: thrashed thrashing walkover semi semis
1.5: game win wins beat beats score scores kick kicked pitch pitches title titles transfer transfers
1.5: comeback triumph triumphed qualify qualified qualifying qualification ranking_points crowd fan race
1.5: supporters victory defeat defeated final rankings ranked ranking seed seeds caps points
1: games tour bid signing won! lose losing lost! draw draws drew! manager boss tackle tackles pace
1: injured round rounds play played playing strike fit test tests career drugs banned ban
0.5: record! point! opening lead! international forward tries
`},
	{"weather", `
3: rainy_season weather forecaster meteorologist meteorological met_office rainfall raining rainy
3: downpour drizzle snow snowfall snowstorm snowy sleet hailstorm hailstones frosty fog foggy windy gust
3: gale thunderstorm heatwave heat_wave heatwaves celsius fahrenheit humidity humid overcast wettest
3: driest coldest hottest_day weather_warning amber_warning yellow_warning red_warning blizzard flurries
3: el_nino la_nina jet_stream cold_front warm_front freezing_rain tropical_storm landfall storm_surge
3: snowplough gritters gritting heavy_rain heavy_snow high_winds strong_winds cold_snap cold_weather
3: hot_weather dry_spell record_temperatures severe_weather weather_forecast weather_service
2.5: rain rains showers frost tornado tornadoes hurricane typhoon cyclone monsoon temperature
2.5: temperatures chilly icy sunshine sunny cloudy winds degrees_celsius warmest coldest_night
2: storm storms stormy thunder lightning freezing hotter colder wet drought flood_warning pollen uv mist
2: thaw
1.5: wind cold heat! ice cloud clouds mild forecast forecasts
1: warm warmer dry umbrella winter summer autumn climate degrees
0.5: spring sun
`},
}
